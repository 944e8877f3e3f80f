import { cookies } from 'next/headers'
import { z } from 'zod'
import { ADMIN_SESSION_SECONDS, isPasswordCorrect, signAdminSession } from '@/lib/comments/admin-session'
import { getConfig } from '@/lib/config'
import {
  adminCookieName,
  getAdminPassword,
  adminCookieOptions,
  getAdminSessionKey,
  isSameOriginPost,
  loginThrottle,
} from '@/lib/comments/moderation-access'
import { clientOf } from '@/lib/comments/services'

// Sign in to /admin/comments (a form post with the password) and sign out. Wrong passwords are
// throttled per client address and for the whole site (lib/comments/admin-session.ts).

const formSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('login'), password: z.string().max(1000) }),
  z.object({ intent: z.literal('logout') }),
])

const back = (query = '') =>
  new Response(null, { status: 303, headers: { location: `/admin/comments${query}`, 'cache-control': 'no-store' } })
const text = (status: number, message: string, headers: Record<string, string> = {}) =>
  new Response(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  })

export async function POST(request: Request) {
  const password = getAdminPassword()
  if (!password) return text(404, 'The admin queue is off: ADMIN_PASSWORD is not set.')
  if (!isSameOriginPost(request.headers))
    return text(403, 'Refused: sign in from the /admin/comments page of this site.')
  const form = await request.formData().catch(() => undefined)
  const parsed = formSchema.safeParse(Object.fromEntries(form ?? []))
  if (!parsed.success) return text(400, 'Send the sign-in form of /admin/comments.')
  const jar = await cookies()
  if (parsed.data.intent === 'logout') {
    jar.set(adminCookieName(), '', adminCookieOptions(0))
    return back('?error=signed-out')
  }
  const now = new Date()
  const client = clientOf(request.headers, getConfig()).address ?? 'unknown'
  const throttle = loginThrottle()
  const decision = throttle.decide(client, now)
  // A 303 like every answer of this form; the page says to wait. Checked before the password, so
  // a guess made while limited is never compared.
  if (!decision.isAllowed)
    return new Response(null, {
      status: 303,
      headers: {
        location: '/admin/comments?error=limited',
        'retry-after': String(decision.retryAfterSeconds),
        'cache-control': 'no-store',
      },
    })
  if (!isPasswordCorrect(parsed.data.password, password)) {
    throttle.recordFailure(client, now)
    return back('?error=wrong')
  }
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_SECONDS * 1000)
  jar.set(
    adminCookieName(),
    signAdminSession(await getAdminSessionKey(password), expiresAt),
    adminCookieOptions(ADMIN_SESSION_SECONDS),
  )
  return back()
}
