// Prints the JavaScript a page costs a reader: every <script src> its server HTML references,
// gzipped, summed. Usage: node bench/page-js.mjs http://127.0.0.1:3131/blog/some-post [more URLs]
// Against a production server (`npm run build && npx next start`), not `next dev`.
// bench/lib/page-weight.mjs (bench:build) reads the build output instead, where a partially
// prerendered page's .html (a post page) has no RSC payload: it is streamed in per request. This
// script counts it (`inlineScriptBytes`), and measures any page of any running server.
import { gzipSync } from 'node:zlib'

async function measure(pageUrl) {
  const html = await (await fetch(pageUrl)).text()
  const sources = [...new Set([...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]))]
  let raw = 0
  let gzip = 0
  for (const src of sources) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer())
    raw += body.length
    gzip += gzipSync(body, { level: 9 }).length
  }
  const inline = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].reduce(
    (sum, m) => sum + m[1].length,
    0,
  )
  return {
    page: new URL(pageUrl).pathname,
    scripts: sources.length,
    rawKiB: +(raw / 1024).toFixed(1),
    gzipKiB: +(gzip / 1024).toFixed(1),
    inlineScriptBytes: inline,
  }
}

const urls = process.argv.slice(2)
if (urls.length === 0) {
  console.error('usage: node bench/page-js.mjs <page URL>...')
  process.exit(2)
}
console.table(await Promise.all(urls.map(measure)))
