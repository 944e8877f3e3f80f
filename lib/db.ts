import 'server-only'

export { closeDb, getDb, getStatementCount, openDb } from './db/process'
export {
  DatabaseNotConfiguredError,
  DatabaseUnavailableError,
  type DatabaseConfig,
  type Db,
  type Queryable,
} from './db/types'
