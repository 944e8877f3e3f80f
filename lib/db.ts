import 'server-only'
import { getConfig } from './config'
import { closeOnShutdown } from './graceful-shutdown'
import { processGlobal } from './process-global'
import { countStatements } from './db/counted'
import { migrate } from './db/migrate'
import { openPGlite } from './db/pglite'
import { openPostgres } from './db/postgres'
import { DatabaseNotConfiguredError, DatabaseUnavailableError, type Db } from './db/types'

export { DatabaseNotConfiguredError, DatabaseUnavailableError, type Db, type Queryable } from './db/types'

export type DatabaseConfig = {
  /** DATABASE_URL: PostgreSQL. */
  url?: string | undefined
  /** DATABASE_POOL_MAX: connections in the PostgreSQL pool. */
  poolMax: number
  /** PGLITE_DIR: where PGlite keeps its files without a `url`. */
  pgliteDir: string
  /** False on Vercel, whose files do not persist: PGlite would lose every comment, so there is no database. */
  hasPersistentDisk?: boolean
}

/** PostgreSQL when `url` is set, else PGlite under `pgliteDir`; migrated before it is returned (unless told not to). */
export async function openDb(config: DatabaseConfig, options: { isMigrated?: boolean } = {}): Promise<Db> {
  if (!config.url && config.hasPersistentDisk === false) throw new DatabaseNotConfiguredError()
  const db = config.url ? openPostgres(config.url, config.poolMax) : await openPGlite(config.pgliteDir)
  if (options.isMigrated === false) return db
  try {
    await migrate(db)
  } catch (error) {
    await db.close().catch(() => undefined)
    throw error
  }
  return db
}

type DbState = { opening?: Promise<Db> | undefined; isClosed: boolean; isShutdownRegistered: boolean; count: { statements: number } }

// On globalThis, not in a module variable: Next.js bundles the route handlers and the pages
// separately, each with its own copy of this module, and there must be one database per process
// (PGlite cannot be opened twice).
const state = () =>
  processGlobal<DbState>('backend-playbook.db', () => ({ isClosed: false, isShutdownRegistered: false, count: { statements: 0 } }))

/**
 * The process's database, opened on first use. A failed open is not cached, so the next request
 * tries again (PostgreSQL may come back); after shutdown it refuses instead of reopening.
 */
export function getDb(): Promise<Db> {
  const current = state()
  if (current.isClosed) return Promise.reject(new DatabaseUnavailableError('The server is shutting down.'))
  if (!current.opening) {
    const opening = openDb(getConfig().database).then((db) => countStatements(db, current.count))
    current.opening = opening
    opening.catch(() => {
      if (current.opening === opening) current.opening = undefined
    })
    registerShutdown(current)
  }
  return current.opening
}

/** Statements this process has sent to its database since it started (migrations not included). */
export function getStatementCount(): number {
  return state().count.statements
}

export async function closeDb(): Promise<void> {
  const current = state()
  current.isClosed = true
  const opening = current.opening
  current.opening = undefined
  if (opening) await (await opening.catch(() => undefined))?.close()
}

function registerShutdown(current: DbState) {
  if (current.isShutdownRegistered) return
  current.isShutdownRegistered = true
  // Closed by the server's shutdown (lib/graceful-shutdown.ts, installed by instrumentation.ts)
  // after the last request in flight, so that PGlite checkpoints its files and the pool ends its
  // connections. A CLI closes the database in its own `finally`.
  closeOnShutdown(closeDb)
}
