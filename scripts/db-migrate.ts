// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or PGlite under PGLITE_DIR) and exits.
// The server also migrates when it first opens the database; this is for deploy pipelines.
import { getConfig } from '@/lib/config'
import { openDb } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'

const { database } = getConfig()
const db = await openDb(database, { isMigrated: false })
try {
  const applied = await migrate(db)
  const target = database.url ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${database.pgliteDir})`
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${target}.` : `${target} is up to date.`)
} finally {
  await db.close()
}
