// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or PGlite under PGLITE_DIR) and exits.
// The server also migrates when it first opens the database; this is for deploy pipelines.
import { getEnv } from '@/lib/env'
import { openDb } from '@/lib/db'
import { migrate } from '@/lib/db/migrate'

const env = getEnv()
const db = await openDb(env, { isMigrated: false })
try {
  const applied = await migrate(db)
  const target = env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${env.PGLITE_DIR})`
  console.log(applied.length ? `Applied ${applied.join(', ')} to ${target}.` : `${target} is up to date.`)
} finally {
  await db.close()
}
