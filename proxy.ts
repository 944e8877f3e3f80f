import { NextResponse, type NextRequest } from 'next/server'
import { getConfig } from '@/lib/config'
import { verifyModerationToken } from '@/lib/comments/moderation-token'

// The moderation pages are request-time pages whose not-found answer would stream after the shell,
// with status 200 (Cache Components). This answers their "nothing here" cases with a real 404 before
// rendering: the pages when moderation over HTTP is off, and a moderation link whose token is not
// valid for that comment (an expired one still opens the page, which says so). Only these paths run
// it (the matcher): a post view never does.

/** The site's not-found page with a 404: a path no route matches renders it. */
const notFound = (request: NextRequest) =>
  NextResponse.rewrite(new URL('/moderation/not-found', request.url), { headers: { 'x-robots-tag': 'noindex' } })

export function proxy(request: NextRequest) {
  const { linkKey, adminPassword } = getConfig().moderation
  const { pathname, searchParams } = request.nextUrl
  if (pathname.startsWith('/admin')) return adminPassword ? NextResponse.next() : notFound(request)
  const id = /^\/moderate\/(\d{1,10})\/?$/.exec(pathname)?.[1]
  if (!linkKey || !id) return notFound(request)
  const check = verifyModerationToken(linkKey, searchParams.get('token') ?? '', Number(id), undefined, new Date())
  return check.isValid || check.reason === 'expired' ? NextResponse.next() : notFound(request)
}

export const config = { matcher: ['/moderate/:path*', '/admin/:path*'] }
