// `npm run bench:markdown [-- rounds]`: what rendering a comment's Markdown costs (lib/comments/markdown.ts,
// the code the comment cache runs once per new or edited comment): the first render of a process
// (Shiki loads its grammars and themes), a typical comment with a short code block, the longest
// comment of prose, the longest of code, and a body seen before (the LRU). Each round renders a body
// of its own (a number makes it unique) so that only the last case hits the cache. Prints median and
// p99 in milliseconds. Run through tsx with the react-server condition: it imports the site's
// TypeScript module, which is server-only.
import { performance } from 'node:perf_hooks'
import { renderCommentMarkdown } from '../lib/comments/markdown.ts'
import { BODY_MAX } from '../lib/comments/text.ts'
import { percentile } from './lib/floods.mjs'

const rounds = Number(process.argv[2] ?? 100)
if (!Number.isInteger(rounds) || rounds < 5)
  throw new Error(`usage: npm run bench:markdown -- <rounds, 5 or more>, got ${process.argv[2]}`)

const codeLine = (n) => `const row${n} = await db.query('select * from comments where id = $1', [${n}])`
const codeBlock = (lines, n) =>
  ['```ts', ...Array.from({ length: lines }, (_, line) => codeLine(n * 1000 + line)), '```'].join('\n')
/** The most lines of code whose block fits in `chars` code points. */
const longestCodeBlock = (chars, n) => {
  let lines = 1
  while ([...codeBlock(lines + 1, n)].length <= chars) lines++
  return codeBlock(lines, n)
}
const prose = (n) =>
  `Round ${n}: the **outbox** row is written in the *same* transaction as the comment, see ` +
  '[the docs](https://example.com/outbox) and `SELECT … FOR UPDATE SKIP LOCKED`.'

/** Joins `pieces(0)`, `pieces(1)`… as paragraphs while they fit in `chars` code points. */
function upTo(chars, pieces) {
  let body = ''
  for (let i = 0; ; i++) {
    const next = body ? `${body}\n\n${pieces(i)}` : pieces(i)
    if ([...next].length > chars) return body
    body = next
  }
}

const cases = [
  { name: 'typical: a paragraph and a 3-line code block', body: (n) => `${prose(n)}\n\n${codeBlock(3, n)}` },
  { name: 'longest prose', body: (n) => upTo(BODY_MAX, (i) => prose(n * 100 + i)) },
  { name: 'longest code, one block', body: (n) => longestCodeBlock(BODY_MAX, n) },
  {
    // A token every character or two: highlighted, it passes MAX_COMMENT_HTML_CHARS, so the block
    // is rendered a second time without highlighting. The worst case a reader can post.
    name: 'densest code (past the HTML cap: rendered twice)',
    body: (n) => `\`\`\`ts\n// ${n}\n${'1+"a"+'.repeat(Math.floor((BODY_MAX - 30) / 6))}\n\`\`\``,
  },
]

let lastHtml = ''
async function timed(body) {
  const started = performance.now()
  lastHtml = await renderCommentMarkdown(body)
  if (!lastHtml.startsWith('<')) throw new Error(`not rendered: ${lastHtml.slice(0, 80)}`)
  return performance.now() - started
}

const format = (ms) => (ms < 1 ? ms.toFixed(2) : ms.toFixed(1))
console.log(`Comment Markdown rendering, ${rounds} rounds per case (Node ${process.version})`)
console.log(`first render of the process: ${format(await timed(cases[0].body(-1)))} ms`)
for (const { name, body } of cases) {
  const times = []
  for (let n = 0; n < rounds; n++) times.push(await timed(body(n)))
  const size = `${[...body(rounds - 1)].length} characters → ${Math.round(lastHtml.length / 1024)} KiB of HTML`
  console.log(`${name}: median ${format(percentile(times, 50))} ms, p99 ${format(percentile(times, 99))} ms (${size})`)
}
const seen = cases[0].body(0)
const hits = []
for (let n = 0; n < rounds; n++) hits.push(await timed(seen))
console.log(`a body rendered before (LRU): median ${format(percentile(hits, 50))} ms`)
