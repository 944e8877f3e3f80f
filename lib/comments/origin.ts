import 'server-only'
import type { Config } from '@/lib/config'

export type OriginPolicy = {
  /** SITE_URL, or Vercel's production URL. */
  siteUrl: string
  /** Also accept the origin the request was addressed to (its Host): when SITE_URL is not set, and in development. */
  isHostAccepted: boolean
  /** Other origins of this deployment (Vercel's per-deployment and per-branch URLs). */
  extraOrigins?: readonly string[]
  /** Behind trusted proxies the public host may arrive as X-Forwarded-Host. */
  isForwardedHostTrusted: boolean
}

const originOf = (url: string) => {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}

/**
 * True for a request another site made a browser send (answered 403). Requests without these
 * headers (curl, scripts) are not from a browser on another site and pass.
 */
export function isCrossSite(headers: Headers, policy: OriginPolicy): boolean {
  const fetchSite = headers.get('sec-fetch-site')
  if (fetchSite === 'cross-site' || fetchSite === 'same-site') return true
  const origin = headers.get('origin')
  if (origin === null) return false
  // `Origin: null` comes from sandboxed frames, data: URLs and privacy-sensitive redirects.
  if (origin === 'null') return true
  const allowed = new Set([originOf(policy.siteUrl), ...(policy.extraOrigins ?? []).map(originOf)])
  if (allowed.has(origin)) return false
  if (!policy.isHostAccepted) return true
  // Compare hosts, not schemes: behind a TLS-terminating proxy Next.js sees http while the browser says https.
  const hosts = [headers.get('host'), policy.isForwardedHostTrusted ? headers.get('x-forwarded-host') : null]
  const originHost = originOf(origin) === origin ? new URL(origin).host : undefined
  return !originHost || !hosts.some((host) => host?.toLowerCase() === originHost)
}

export function getOriginPolicy(config: Pick<Config, 'nodeEnv' | 'site' | 'vercel' | 'comments'>): OriginPolicy {
  return {
    siteUrl: config.site.url,
    isHostAccepted: !config.site.isUrlConfigured || config.nodeEnv === 'development',
    extraOrigins: config.vercel?.deploymentOrigins ?? [],
    isForwardedHostTrusted: config.comments.trustProxyHops > 0,
  }
}
