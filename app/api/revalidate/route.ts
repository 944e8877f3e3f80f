import { getConfig } from '@/lib/config'
import { invalidateComments } from '@/lib/comments/cache'
import { json } from '@/lib/comments/responses'
import { checkAuthorization, revalidateRequestSchema } from '@/lib/comments/revalidate'
import { readJsonBody } from '@/lib/comments/request'
import { getPostBySlug } from '@/lib/posts'

/**
 * Refreshes the cached pages of the posts named in `{ "slugs": [...] }` after a change made outside
 * the server (`npm run comments`, an import). `Authorization: Bearer <REVALIDATE_SECRET>`.
 */
export async function POST(request: Request) {
  const secret = getConfig().revalidateSecret
  if (!secret) return json(503, { error: 'Revalidation is off: REVALIDATE_SECRET is not set on the server.' })
  const authorization = checkAuthorization(request.headers.get('authorization'), secret)
  if (authorization === 'missing')
    return json(401, { error: 'Send Authorization: Bearer <REVALIDATE_SECRET>.' }, { 'www-authenticate': 'Bearer' })
  if (authorization === 'wrong') return json(403, { error: 'The secret is wrong.' })
  const read = await readJsonBody(request)
  if (!read.isOk) return json(read.status, { error: read.error })
  const parsed = revalidateRequestSchema.safeParse(read.fields)
  if (!parsed.success) return json(422, { error: 'Send { "slugs": ["<post slug>", …] } with 1 to 1000 slugs.' })
  const [known, unknown] = [
    parsed.data.slugs.filter((slug) => getPostBySlug(slug)),
    parsed.data.slugs.filter((slug) => !getPostBySlug(slug)),
  ]
  // The next view of each post's page and of the feed renders from the database; the lists' counts
  // follow in the background.
  for (const slug of known) invalidateComments(slug)
  return json(200, { revalidated: known, unknown })
}
