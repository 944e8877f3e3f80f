// `npm run dev`: Contentlayer in watch mode beside `next dev`. next-contentlayer2 only hooks into
// webpack, and Next.js 16 develops with Turbopack, so the two run side by side.
import { spawn, spawnSync } from 'node:child_process'

const bin = (name) => new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname
const env = { NEXT_TELEMETRY_DISABLED: '1', ...process.env }

// Generate once before Next.js starts, so the first request finds `.contentlayer/generated`.
const first = spawnSync(bin('contentlayer2'), ['build'], { stdio: 'inherit', env })
if (first.status !== 0) process.exit(first.status ?? 1)

// The search index is built once, at start (drafts included, as in `next dev`): restart to
// search posts added or edited since. A failure only costs search, so the site still starts.
const index = spawnSync('npm', ['run', '--silent', 'search-index'], {
  stdio: 'inherit',
  env: { ...env, NODE_ENV: 'development' },
})
if (index.status !== 0) console.warn('Search index not built: /search will say search is unavailable.')

const children = [
  spawn(bin('contentlayer2'), ['dev'], { stdio: 'inherit', env }),
  spawn(bin('next'), ['dev', ...process.argv.slice(2)], { stdio: 'inherit', env }),
]
let exiting = false
for (const child of children) {
  child.on('exit', (code) => {
    if (exiting) return
    exiting = true
    for (const other of children) if (other !== child) other.kill('SIGTERM')
    process.exit(code ?? 0)
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    exiting = true
    for (const child of children) child.kill(signal)
    process.exit(0)
  })
}
