import { afterAll, beforeAll } from 'vitest'
import { openDb, type Db } from '@/lib/db'
import { createTestSchema, skipReason, skipWithoutPostgres } from './postgres'

export type TestDatabase = { db: Db; drop: () => Promise<void> }

/**
 * The two engines the comment code runs on: PGlite in memory always, PostgreSQL in a schema of its
 * own when TEST_DATABASE_URL is set (reported as skipped, with the reason in the title, otherwise).
 */
export const engines: Array<{ name: string; skip: boolean; open: () => Promise<TestDatabase> }> = [
  {
    name: 'PGlite',
    skip: false,
    open: async () => ({ db: await openDb({ pgliteDir: 'memory://', poolMax: 10 }), drop: async () => {} }),
  },
  {
    name: `PostgreSQL${skipWithoutPostgres ? ` (${skipReason})` : ''}`,
    skip: skipWithoutPostgres,
    open: async () => {
      const schema = await createTestSchema('comments')
      return { db: await openDb({ url: schema.url, poolMax: 10, pgliteDir: 'unused' }), drop: schema.drop }
    },
  },
]

/** Opens `engine`'s database before the suite's tests (handing it to `use`), closes and drops it after them. */
export function openDatabaseForSuite(engine: (typeof engines)[number], use: (db: Db) => void): void {
  let opened: TestDatabase | undefined
  beforeAll(async () => {
    opened = await engine.open()
    use(opened.db)
  })
  afterAll(async () => {
    await opened?.db.close()
    await opened?.drop()
  })
}
