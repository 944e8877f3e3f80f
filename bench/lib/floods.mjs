// Comment floods and what they cost a reader of the same server: shared by `npm run bench:floods`,
// which prints the figures, and e2e/comments-load.spec.ts, which holds them to a bound.
import { randomBytes } from 'node:crypto'

/**
 * The inputs the link detector once spent 160 ms each on, 4990 code points each (a unique tail keeps them
 * under 5000).
 */
export const worstBodies = [
  'a-'.repeat(2495),
  'a.'.repeat(2495),
  'ab.'.repeat(1663).slice(0, 4990),
  'www.'.repeat(1247).slice(0, 4990),
  `${'a'.repeat(4985)}.com/`,
]

export const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))] ?? 0

/** Posts a comment as the client `from` (the server must trust one proxy hop: TRUST_PROXY_HOPS=1). */
export function postComment(baseUrl, slug, body, from) {
  return fetch(`${baseUrl}/api/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ slug, name: 'Flood', body }),
  })
}

async function timedGet(url) {
  const started = performance.now()
  const response = await fetch(url)
  await response.arrayBuffer()
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return performance.now() - started
}

/** Latencies of GETs of `url` sent one after another while `load` runs (at least 20). */
export async function latenciesDuring(url, load) {
  let isDone = false
  void load.finally(() => (isDone = true))
  const latencies = []
  while (!isDone || latencies.length < 20) latencies.push(await timedGet(url))
  await load
  return latencies
}

/** Three bursts of 30 concurrent POSTs of the worst bodies, each from a client of its own; their statuses. */
export async function burstsOfWorstBodies(baseUrl, slug) {
  const statuses = []
  for (let burst = 0; burst < 3; burst++) {
    const posts = Array.from({ length: 30 }, (_, index) =>
      postComment(
        baseUrl,
        slug,
        `${worstBodies[index % worstBodies.length]} ${randomBytes(4).toString('hex')}`,
        `198.51.${burst}.${index}`,
      ),
    )
    statuses.push(...(await Promise.all(posts)).map((response) => response.status))
  }
  return statuses
}

/** `concurrency` POSTs from one client in flight at every moment for `ms`; their statuses. */
export async function floodFromOneClient(baseUrl, slug, from, { concurrency = 5, ms = 3000 } = {}) {
  const until = Date.now() + ms
  const workers = Array.from({ length: concurrency }, async () => {
    const statuses = []
    while (Date.now() < until)
      statuses.push((await postComment(baseUrl, slug, `refused ${randomBytes(6).toString('hex')}`, from)).status)
    return statuses
  })
  return (await Promise.all(workers)).flat()
}
