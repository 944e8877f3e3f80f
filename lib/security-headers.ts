/**
 * Security headers for every response, set in next.config.ts. The pages are prerendered, so the
 * Content-Security-Policy cannot carry per-request nonces, and it cannot list hashes either: besides
 * the theme script (app/layout.tsx), a production build writes inline scripts into the pages (seen
 * in .next/server/app/*.html): Turbopack's chunk registration, `(self.__next_f=…).push([0])` and the
 * RSC payload as `self.__next_f.push([1,"…"])` chunks, whose text differs on every page and in every
 * build, and, on pages with a streamed part (posts, search), React's `$RC`/`$RX` scripts that reveal
 * it. A hash in `script-src` would also switch off 'unsafe-inline' in every browser that knows
 * hashes, blocking those scripts. So inline <script> elements are allowed ('unsafe-inline'),
 * and inline event handler attributes are not (`script-src-attr 'none'`: the site uses none, and
 * they are what injected markup would use). Everything else is as tight as the site allows.
 */
export type SecurityHeaderOptions = { isProduction: boolean; isHttps: boolean }

export function contentSecurityPolicy({ isProduction, isHttps }: SecurityHeaderOptions): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // React's development build evaluates strings for its debugging aids; production never does.
    // 'wasm-unsafe-eval' lets the search page compile Pagefind's WebAssembly; it does not allow eval().
    'script-src': ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'", ...(isProduction ? [] : ["'unsafe-eval'"])],
    'script-src-attr': ["'none'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    // No scheme sources such as `data:`: nothing here needs one, and Next.js recompiles every header
    // value that contains a colon as a path template on every response (10% of a cached page's CPU).
    'img-src': ["'self'"],
    'font-src': ["'self'"],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'manifest-src': ["'self'"],
  }
  const policy = Object.entries(directives).map(([name, values]) => `${name} ${values.join(' ')}`)
  // Only where the site is served over HTTPS: on http://localhost it would break every asset.
  if (isProduction && isHttps) policy.push('upgrade-insecure-requests')
  return policy.join('; ')
}

export function securityHeaders(options: SecurityHeaderOptions): Array<{ key: string; value: string }> {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(options) },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    {
      key: 'Permissions-Policy',
      value: [
        'accelerometer=()',
        'autoplay=()',
        'camera=()',
        'display-capture=()',
        'geolocation=()',
        'gyroscope=()',
        'magnetometer=()',
        'microphone=()',
        'midi=()',
        'payment=()',
        'usb=()',
        'browsing-topics=()',
        'interest-cohort=()',
      ].join(', '),
    },
    // Browsers ignore it over plain HTTP, so sending it in every production response is safe.
    ...(options.isProduction
      ? [{ key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' }]
      : []),
  ]
}
