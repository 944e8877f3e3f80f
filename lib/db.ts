import 'server-only'
import { getEnv, type Env } from './env'
import { closeOnShutdown } from './graceful-shutdown'
import { processGlobal } from './process-global'
import { countStatements } from './db/counted'
import { migrate } from './db/migrate'
import { openPGlite } from './db/pglite'
import { openPostgres } from './db/postgres'
import { DatabaseNotConfiguredError, DatabaseUnavailableError, type Db } from './db/types'

export { DatabaseNotConfiguredError, DatabaseUnavailableError, type Db, type Queryable } from './db/types'

type DbConfig = Pick<Env, 'DATABASE_POOL_MAX' | 'PGLITE_DIR'> & Partial<Pick<Env, 'DATABASE_URL' | 'VERCEL'>>

/** PostgreSQL when DATABASE_URL is set, else PGlite under PGLITE_DIR; migrated before it is returned (unless told not to). */
export async function openDb(config: DbConfig, options: { isMigrated?: boolean } = {}): Promise<Db> {
  if (!config.DATABASE_URL && config.VERCEL) throw new DatabaseNotConfiguredError()
  const db = config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, config.DATABASE_POOL_MAX)
    : await openPGlite(config.PGLITE_DIR)
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
    const opening = openDb(getEnv()).then((db) => countStatements(db, current.count))
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
