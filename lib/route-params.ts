/**
 * A dynamic route param, decoded. Next.js 16 hands params over percent-encoded, as they appear in
 * the URL: `/tags/café` arrives as `caf%C3%A9`, in the prerender of a path that
 * generateStaticParams returned as `café` and at request time alike (checked against a production
 * build, see e2e/tags.fixture.spec.ts). Decodes exactly once, so `%25` stays a literal `%`.
 * Returns undefined for a malformed escape such as `%E9`.
 */
export function decodeRouteParam(param: string): string | undefined {
  try {
    return decodeURIComponent(param)
  } catch {
    return undefined
  }
}
