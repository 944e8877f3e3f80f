import pg from 'pg'
import { DatabaseUnavailableError, type Db, type Queryable, type Row } from './types'

// Node socket errors and PostgreSQL SQLSTATEs that mean "the server is not there right now"
// (class 08 connection exceptions, 53300 too many connections, 57P0x shutdown / starting up).
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  'EPIPE',
  '53300',
  '57P01',
  '57P02',
  '57P03',
])

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  const code = 'code' in error && typeof error.code === 'string' ? error.code : ''
  if (unavailableCodes.has(code) || code.startsWith('08')) return true
  // pg-pool and pg report these without a code.
  return /timeout exceeded when trying to connect|Connection terminated|connection timeout/i.test(error.message)
}

async function translate<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (isUnavailable(error)) throw new DatabaseUnavailableError('The database is unreachable.', { cause: error })
    throw error
  }
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    query: (sql, params = []) => translate(async () => (await client.query<Row>(sql, [...params])).rows),
    exec: (sql) => translate(async () => void (await client.query(sql))),
  }
}

export function openPostgres(connectionString: string, max: number): Db {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 10_000,
    // A stuck statement must not hold a pool slot (and the comment lock) for ever.
    statement_timeout: 10_000,
    application_name: 'backend-playbook',
  })
  // An idle client losing its connection emits here; without a listener it would crash the process.
  pool.on('error', (error) => console.error('[db] idle PostgreSQL client error:', error.message))
  const direct = wrap(pool)
  return {
    kind: 'postgres',
    ...direct,
    async transaction(fn) {
      const client = await translate(() => pool.connect())
      try {
        await translate(() => client.query('begin'))
        const result = await fn(wrap(client))
        await translate(() => client.query('commit'))
        client.release()
        return result
      } catch (error) {
        // A connection that cannot even roll back is destroyed instead of going back to the pool.
        const isRolledBack = await client.query('rollback').then(
          () => true,
          () => false,
        )
        client.release(!isRolledBack)
        throw error
      }
    },
    close: () => pool.end(),
  }
}
