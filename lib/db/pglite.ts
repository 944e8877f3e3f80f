import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { lockDataDir } from './pglite-lock'
import type { Db, Queryable, Row } from './types'

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
