import { gzipSync } from 'node:zlib'
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from './fixtures'

/** A post page may add this much gzipped JavaScript to what every page loads (runtime and layout). */
const POST_PAGE_BUDGET_BYTES = 10 * 1024

async function scriptsOf(request: APIRequestContext, path: string): Promise<Set<string>> {
  const html = await (await request.get(path)).text()
  return new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((match) => match[1] ?? ''))
}

async function gzippedSize(request: APIRequestContext, urls: Iterable<string>): Promise<number> {
  let total = 0
  for (const url of urls) total += gzipSync(await (await request.get(url)).body(), { level: 9 }).length
  return total
}

test('a post page loads at most 10 KiB of gzipped JavaScript beyond the runtime every page loads', async ({
  request,
}) => {
  // The 404 page renders the root layout and nothing else: its scripts are the shared runtime.
  const runtime = await scriptsOf(request, '/no-such-page')
  const post = await scriptsOf(request, '/blog/a-tour-of-the-backend')
  const ownScripts = [...post].filter((src) => !runtime.has(src))

  const runtimeBytes = await gzippedSize(request, runtime)
  const ownBytes = await gzippedSize(request, ownScripts)
  const kib = (bytes: number) => (bytes / 1024).toFixed(1)
  test.info().annotations.push({
    type: 'js-budget',
    description: `runtime ${kib(runtimeBytes)} KiB + post page ${kib(ownBytes)} KiB gzipped`,
  })
  expect(runtime.size).toBeGreaterThan(0)
  expect(ownBytes).toBeLessThanOrEqual(POST_PAGE_BUDGET_BYTES)
})
