import { getConfig } from '@/lib/config'
import { closeOnShutdown, processSingleton } from '@/lib/server/lifecycle.mjs'
import { countStatements } from './counted'
import { migrate } from './migrate'
import { openPGlite } from './pglite'
import { openPostgres } from './postgres'
import { DatabaseNotConfiguredError, DatabaseUnavailableError, type DatabaseConfig, type Db } from './types'

// The process's database. Import it through lib/db.ts ('server-only'); only instrumentation.ts
// imports this file directly (to redeliver webhooks at start-up), because 'server-only' cannot be
// imported where instrumentation is compiled.

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

type DbState = {
  opening?: Promise<Db> | undefined
  isClosed: boolean
  isShutdownRegistered: boolean
  count: { statements: number }
}

// Not a module variable: Next.js bundles the route handlers and the pages separately, each with its
// own copy of this module, and there must be one database per process (PGlite cannot be opened twice).
const state = () =>
  processSingleton<DbState>('db', () => ({ isClosed: false, isShutdownRegistered: false, count: { statements: 0 } }))

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
  // Closed by the server entry's shutdown (lib/server/start.mjs) after the last request in flight and
  // its after() work, so that PGlite checkpoints its files and the pool ends its connections; under
  // `next start`, on the signal (instrumentation.ts). A CLI closes the database in its own `finally`.
  closeOnShutdown(closeDb)
}
