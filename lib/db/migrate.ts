import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Db } from './types'

export type Migration = { version: number; name: string; sql: string }

/**
 * The SQL files in lib/db/migrations, in version order. Paths are relative to the working directory
 * (`next start`, the CLI and the tests all run from the project root) and written out in full so
 * the bundler traces just that folder.
 */
export function readMigrations(): Migration[] {
  return readdirSync(path.join(process.cwd(), 'lib/db/migrations'))
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(path.join(process.cwd(), 'lib/db/migrations', file), 'utf8'),
    }))
}

// Any fixed number: it names "the migration lock" for every process sharing the database.
const MIGRATION_LOCK_ID = 727_274_001

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in one transaction that first
 * takes a PostgreSQL advisory lock: when two processes start together, the second waits, then finds
 * everything applied. Returns the names it applied.
 */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_ID])
    await tx.exec(
      `create table if not exists schema_migrations (
         version integer primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    )
    const rows = await tx.query('select version from schema_migrations')
    const applied = new Set(rows.map((row) => Number(row.version)))
    const pending = migrations.filter((migration) => !applied.has(migration.version))
    for (const migration of pending) {
      await tx.exec(migration.sql)
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ])
    }
    return pending.map((migration) => migration.name)
  })
}
