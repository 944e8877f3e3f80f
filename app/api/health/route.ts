import { connection } from 'next/server'
import { getConfig } from '@/lib/config'
import { getDb, getStatementCount } from '@/lib/db'
import { getCacheStatus } from '@/lib/cache-handlers/status.mjs'

const headers = { 'cache-control': 'no-store' }

/** On Vercel the platform caches the pages; elsewhere this process's handlers do (lib/cache-handlers/). */
function cacheStatus() {
  if (getConfig().vercel) return { status: 'ok' as const, cache: { store: 'vercel' as const } }
  const cache = getCacheStatus()
  // Pages are still served without Redis (every view renders them), and comments still stored, but an
  // invalidation not yet written to Redis means other instances may serve an old page: degraded.
  const isDegraded = cache.store === 'redis' && (!cache.isConnected || cache.pendingInvalidations > 0)
  return { status: isDegraded ? ('degraded' as const) : ('ok' as const), cache }
}

/**
 * For load balancers and container health checks: 200 while the database answers (even with the
 * cache degraded: the instance still serves every page), 503 when it does not. `statements` counts
 * what this process has sent to the database since it started (before this check's own query).
 */
export async function GET() {
  // Per request, never at build time: `next build` would otherwise run it once to try to prerender it.
  await connection()
  const { status, cache } = cacheStatus()
  // Read before this check's own query: between two checks, the difference is 1 plus the site's work.
  const statements = getStatementCount()
  try {
    const db = await getDb()
    await db.query('select 1')
    return Response.json({ status, database: db.kind, statements, cache }, { headers })
  } catch (error) {
    console.warn('[health] database unreachable:', error instanceof Error ? error.message : error)
    return Response.json(
      { status: 'unavailable', database: 'unreachable', cache },
      { status: 503, headers: { ...headers, 'retry-after': '5' } },
    )
  }
}
