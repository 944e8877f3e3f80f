import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable, Row } from './types'

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM'
  }
}

/**
 * PGlite is one embedded Postgres per directory: a second process opening the same directory
 * would corrupt it. A lock file with our pid refuses that with a clear message (a stale lock left
 * by a crashed process is taken over).
 */
function lockDataDir(dir: string): () => void {
  // Beside the directory, not in it: PGlite treats a non-empty directory as an existing database.
  const lockFile = `${path.resolve(dir)}.lock`
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
  } catch {
    const holder = Number(readFileSync(lockFile, 'utf8'))
    if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) {
      throw new Error(
        `The PGlite directory ${dir} is in use by process ${holder}. Stop that process, or set DATABASE_URL ` +
          'to share a PostgreSQL database between processes.',
      )
    }
    if (holder === process.pid) throw new Error(`The PGlite directory ${dir} is already open in this process.`)
    writeFileSync(lockFile, String(process.pid))
  }
  return () => rmSync(lockFile, { force: true })
}

function wrap(db: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    query: async (sql, params = []) => (await db.query<Row>(sql, [...params])).rows,
    exec: async (sql) => void (await db.exec(sql)),
  }
}

/** `memory://` keeps everything in memory (tests); anything else is a directory on disk. */
export async function openPGlite(dataDir: string): Promise<Db> {
  const isMemory = dataDir.startsWith('memory://')
  let unlock = () => {}
  if (!isMemory) {
    mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true })
    unlock = lockDataDir(dataDir)
  }
  let pglite: PGlite
  try {
    pglite = await PGlite.create(isMemory ? dataDir : path.resolve(dataDir))
  } catch (error) {
    unlock()
    throw error
  }
  // PGlite has a single connection and queues every query and transaction behind one mutex, so
  // access within the process is serialised by PGlite itself.
  return {
    kind: 'pglite',
    ...wrap(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pglite.close()
      unlock()
    },
  }
}
