import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { DatabaseNotConfiguredError, DatabaseUnavailableError, openDb } from '@/lib/db'
import { createTestSchema, skipReason, skipWithoutPostgres } from '@/test/support/postgres'
import { migrate, readMigrations } from './migrate'

const scratch = mkdtempSync(path.join(tmpdir(), 'db-test-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('migrations', () => {
  it('are the SQL files numbered from 1 without gaps, in order', () => {
    const migrations = readMigrations()
    expect(migrations.length).toBeGreaterThan(0)
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
    for (const migration of migrations) expect(migration.name).toMatch(/^\d{4}_[a-z\d-]+$/)
  })

  it('apply once on PGlite: a second run applies nothing', async () => {
    const db = await openDb({ pgliteDir: 'memory://', poolMax: 1 })
    try {
      expect(await migrate(db)).toEqual([])
      expect(await db.query('select version, name from schema_migrations order by version')).toEqual(
        readMigrations().map(({ version, name }) => ({ version, name })),
      )
    } finally {
      await db.close()
    }
  })

  it.skipIf(skipWithoutPostgres)(
    `apply exactly once when two processes migrate PostgreSQL together${skipWithoutPostgres ? ` (${skipReason})` : ''}`,
    async () => {
      const schema = await createTestSchema('migrate')
      const config = { url: schema.url, poolMax: 2, pgliteDir: 'unused' }
      const [a, b] = await Promise.all([openDb(config, { isMigrated: false }), openDb(config, { isMigrated: false })])
      try {
        const applied = await Promise.all([migrate(a), migrate(b)])
        expect(applied.flat()).toEqual(readMigrations().map((migration) => migration.name))
        expect(await a.query('select count(*)::int as n from schema_migrations')).toEqual([
          { n: readMigrations().length },
        ])
      } finally {
        await Promise.all([a.close(), b.close()])
        await schema.drop()
      }
    },
  )
})

describe('opening the database', () => {
  it('refuses on Vercel without DATABASE_URL, where PGlite files would not persist', async () => {
    await expect(openDb({ hasPersistentDisk: false, pgliteDir: 'memory://', poolMax: 1 })).rejects.toBeInstanceOf(
      DatabaseNotConfiguredError,
    )
  })

  it('reports an unreachable PostgreSQL as unavailable (a 503), not as a crash', async () => {
    const error = await openDb({ url: 'postgres://postgres@127.0.0.1:1/none', poolMax: 1, pgliteDir: 'unused' }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(DatabaseUnavailableError)
  })

  it('opens a PGlite directory locked by a dead process with this pid (PID 1 after a container restart)', async () => {
    const dir = path.join(scratch, 'pglite-restarted')
    writeFileSync(`${dir}.lock`, String(process.pid))
    const db = await openDb({ pgliteDir: dir, poolMax: 1 })
    try {
      expect(await db.query('select 1 as one')).toEqual([{ one: 1 }])
    } finally {
      await db.close()
    }
  })

  it('refuses a PGlite directory that another running process has open, naming the process', async () => {
    const dir = path.join(scratch, 'pglite')
    writeFileSync(`${dir}.lock`, String(process.ppid))
    await expect(openDb({ pgliteDir: dir, poolMax: 1 })).rejects.toThrow(`in use by process ${process.ppid}`)
  })
})
