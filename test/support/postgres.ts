import { randomBytes } from 'node:crypto'
import pg from 'pg'

/** Set in CI (.ci/run); where it is not, the PostgreSQL tests are reported as skipped. */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL
export const skipWithoutPostgres = !testDatabaseUrl
export const skipReason = 'TEST_DATABASE_URL is not set: PostgreSQL tests skipped'

/**
 * A schema of its own in TEST_DATABASE_URL, so runs never collide, and a connection string whose
 * search_path points at it. `drop()` removes it and everything in it.
 */
export async function createTestSchema(
  prefix = 'test',
): Promise<{ url: string; schema: string; drop: () => Promise<void> }> {
  if (!testDatabaseUrl) throw new Error(skipReason)
  const schema = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: testDatabaseUrl })
  await admin.connect()
  await admin.query(`create schema ${schema}`)
  await admin.end()
  const url = new URL(testDatabaseUrl)
  url.searchParams.set('options', `-c search_path=${schema}`)
  return {
    url: url.toString(),
    schema,
    async drop() {
      const client = new pg.Client({ connectionString: testDatabaseUrl })
      await client.connect()
      await client.query(`drop schema if exists ${schema} cascade`)
      await client.end()
    },
  }
}
