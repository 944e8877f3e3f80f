import { getDb } from '@/lib/db'

const headers = { 'cache-control': 'no-store' }

/** For load balancers and container health checks: 200 when the database answers, 503 when it does not. */
export async function GET() {
  try {
    const db = await getDb()
    await db.query('select 1')
    return Response.json({ status: 'ok', database: db.kind }, { headers })
  } catch (error) {
    console.warn('[health] database unreachable:', error instanceof Error ? error.message : error)
    return Response.json({ status: 'unavailable', database: 'unreachable' }, { status: 503, headers: { ...headers, 'retry-after': '5' } })
  }
}
