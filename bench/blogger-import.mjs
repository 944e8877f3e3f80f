// `npm run bench:blogger [-- N]`: the time `npm run import:blogger` takes on an N-post Takeout
// export (default 500), generated from the shape of test/fixtures/blogger/feed.atom: its two
// published posts (code, images, tables, an embedded video) and their comments, repeated with
// their own ids, addresses, dates and labels, plus a draft every 10th post and a trashed one every
// 25th. Times a --dry-run, a real run into a temp folder (posts, images, redirect map, comments
// into a fresh PGlite), and the same run again (nothing to write). Nothing in the project changes.
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { XMLBuilder, XMLParser } from 'fast-xml-parser'

const projectRoot = path.resolve(import.meta.dirname, '..')
const fixtures = path.join(projectRoot, 'test/fixtures/blogger')
const count = Number(process.argv[2] ?? 500)
if (!Number.isInteger(count) || count < 1)
  throw new Error(`usage: npm run bench:blogger -- <number of posts>, got ${process.argv[2]}`)

const options = {
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name) => name === 'entry' || name === 'category',
}
const feed = new XMLParser(options).parse(readFileSync(path.join(fixtures, 'feed.atom'), 'utf8')).feed
const text = (value) => (typeof value === 'object' ? value['#text'] : value)
const isLivePost = (entry) => entry['blogger:type'] === 'POST' && entry['blogger:status'] === 'LIVE'
const templates = feed.entry.filter(isLivePost)
const page = feed.entry.find((entry) => entry['blogger:type'] === 'PAGE')
const commentsOf = (post) =>
  feed.entry.filter((entry) => entry['blogger:type'] === 'COMMENT' && text(entry['blogger:parent']) === post.id)
const labels = [
  'Backend',
  'Getting started',
  'Bases de données',
  'PostgreSQL',
  'APIs',
  'Kafka',
  'Sécurité',
  'Performance',
  'Cloud',
  'Testing',
]

const blogId = '4721960385627384710'
const idOf = (n) => `tag:blogger.com,1999:blog-${blogId}.post-${String(8_000_000_000_000_000_000n + BigInt(n))}`
const entries = [page]
let nextId = 1
for (let i = 0; i < count; i++) {
  const template = templates[i % templates.length]
  const day = new Date(Date.UTC(2015, 0, 1) + i * 5 * 86_400_000)
  const stamp = (minutes) => new Date(day.getTime() + minutes * 60_000).toISOString()
  const name = `${path.posix.basename(template['blogger:filename'], '.html')}-${i + 1}`
  const status = i % 25 === 24 ? 'SOFT_TRASHED' : i % 10 === 9 ? 'DRAFT' : 'LIVE'
  const postId = idOf(nextId++)
  entries.push({
    ...template,
    id: postId,
    'blogger:status': status,
    title: `${text(template.title)} (${i + 1})`,
    published: stamp(0),
    updated: stamp(60),
    'blogger:created': stamp(-60),
    category: [labels[i % labels.length], labels[(i * 7 + 3) % labels.length]].map((term) => ({
      '@_scheme': `tag:blogger.com,1999:blog-${blogId}`,
      '@_term': term,
    })),
    'blogger:filename': `/${day.getUTCFullYear()}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${name}.html`,
  })
  const newIds = new Map()
  for (const comment of commentsOf(template)) newIds.set(comment.id, idOf(nextId++))
  commentsOf(template).forEach((comment, index) =>
    entries.push({
      ...comment,
      id: newIds.get(comment.id),
      published: stamp(120 + index * 30),
      'blogger:created': stamp(120 + index * 30),
      updated: stamp(120 + index * 30),
      'blogger:parent': postId,
      'blogger:inReplyTo': text(comment['blogger:inReplyTo']) ? newIds.get(text(comment['blogger:inReplyTo'])) : '',
    }),
  )
}

const workDir = mkdtempSync(path.join(tmpdir(), 'blogger-bench-'))
const exportFile = path.join(workDir, 'export', 'feed.atom')
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  format: true,
  suppressEmptyNode: true,
})
mkdirSync(path.dirname(exportFile), { recursive: true })
writeFileSync(
  exportFile,
  `<?xml version='1.0' encoding='utf-8'?>\n${builder.build({ feed: { ...feed, entry: entries } })}`,
)
copyFileSync(path.join(fixtures, 'request-flow.png'), path.join(workDir, 'export', 'request-flow.png'))

const siteDir = path.join(workDir, 'site')
const contentDir = path.join(siteDir, 'content')
/** Runs the importer; returns wall seconds and the CPU seconds it used (bash's `times`: the machine may be busy). */
function run(label, ...args) {
  const started = performance.now()
  const command = [
    process.execPath,
    '--conditions=react-server',
    '--import',
    'tsx',
    'scripts/import-blogger.ts',
    exportFile,
    '--content-dir',
    contentDir,
    ...args,
  ]
  const result = spawnSync('bash', ['-c', '"$@"; status=$?; times >&2; exit $status', 'bash', ...command], {
    cwd: projectRoot,
    env: { ...process.env, PGLITE_DIR: path.join(workDir, 'pglite'), DATABASE_URL: '' },
    encoding: 'utf8',
  })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0)
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stderr}\n${result.stdout.slice(-2000)}`)
  // The last line of `times` is the children's user and system time: `0m2.257s 0m0.683s`.
  const cpu = (result.stderr.trim().split('\n').pop() ?? '')
    .split(' ')
    .map((value) => value.split('m'))
    .reduce((sum, [minutes, secs]) => sum + Number(minutes) * 60 + Number.parseFloat(secs ?? '0'), 0)
  const summary = result.stdout.split('\n').filter((line) => /^(Wrote|Comments: imported|Dry run)/.test(line))
  console.log(`${label}: ${seconds.toFixed(1)} s (CPU ${cpu.toFixed(1)} s)   ${summary.join(' ')}`)
}

try {
  const published = entries.filter(isLivePost).length
  const comments = entries.filter((entry) => entry['blogger:type'] === 'COMMENT').length
  console.log(
    `machine: ${cpus().length} cores, load average ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}`,
  )
  console.log(
    `export: ${count} posts (${published} published), ${comments} comments, ` +
      `${(statSync(exportFile).size / 1024 / 1024).toFixed(1)} MiB`,
  )
  run('dry run', '--dry-run')
  run('import of the posts alone', '--no-comments')
  rmSync(siteDir, { recursive: true, force: true })
  run('import with the comments (fresh PGlite)')
  run('second import (nothing to write)')
  console.log(`posts written: ${readdirSync(path.join(contentDir, 'posts')).length}`)
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
