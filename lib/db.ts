import 'server-only'

export { closeDb, getDb, getStatementCount, openDb } from './db/process'
export { DatabaseNotConfiguredError, DatabaseUnavailableError, type Db, type Queryable } from './db/types'
