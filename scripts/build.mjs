// `npm run build`: Contentlayer, the search index, `next build`, then the static assets copied into
// the standalone server. One clock for all of it: BUILD_TIME decides which scheduled posts are out
// (lib/posts.ts), and the search index must leave out exactly the posts the pages leave out.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { copyStandaloneAssets } from '../lib/tooling/standalone-assets.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  BUILD_TIME: process.env.BUILD_TIME ?? new Date().toISOString(),
}

// By name: `npm run` puts node_modules/.bin of the project and of every folder above it on PATH,
// which a copy of the project inside it (lib/tooling/project-copy.mjs) relies on.
const steps = [
  ['contentlayer2', ['build']],
  ['npm', ['run', '--silent', 'search-index']],
  ['next', ['build']],
]
for (const [command, args] of steps) {
  const { status, signal, error } = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' })
  if (status !== 0) {
    console.error(`\`${[command, ...args].join(' ')}\` failed (${error?.message ?? signal ?? `exit code ${status}`}).`)
    process.exit(status ?? 1)
  }
}
copyStandaloneAssets(root)
