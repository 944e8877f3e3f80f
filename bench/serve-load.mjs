// Requests per second and latency of the production server under 50 concurrent connections, for
// the home page and the longest post. Usage: npm run build && npm run bench:serve [-- seconds]
import autocannon from 'autocannon'
import { longestPostPath, startProductionServer } from './lib/production-server.mjs'

const seconds = Number(process.argv[2] ?? 10)
const connections = 50

const server = await startProductionServer()
try {
  for (const [label, path] of [
    ['home', '/'],
    ['post', longestPostPath()],
  ]) {
    // A short warm-up so the first, cold requests do not count.
    await autocannon({ url: server.url + path, connections, duration: 2 })
    const result = await autocannon({ url: server.url + path, connections, duration: seconds })
    const failed = result.non2xx + result.errors + result.timeouts
    console.log(
      `serve ${label} (${path}), ${connections} connections, ${seconds}s: ` +
        `${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ` +
        `${Math.round(result.throughput.total / result.requests.total / 1024)} KiB per response` +
        (failed ? `, ${failed} failed` : ''),
    )
  }
} finally {
  await server.stop()
}
