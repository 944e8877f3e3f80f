// `npm run bench`: builds the site once, then runs every benchmark in bench/ in turn; each prints
// one line per figure. Usage: npm run bench [-- --posts 1000]
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { posts: { type: 'string', default: '1000' } } })

// Arguments for the scripts that take them; the others run with their defaults.
const argsFor = { 'build-scale.mjs': [values.posts], 'search-index.mjs': [values.posts] }

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  })
  return result.status ?? 1
}

// The server benchmarks measure the production build of the real site.
if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1)

let failed = 0
for (const script of readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.mjs'))
  .sort()) {
  // page-js.mjs is a tool that measures given URLs; build-scale and the e2e budget cover it here.
  if (script === 'run-all.mjs' || script === 'page-js.mjs') continue
  console.log(`\n# ${script}`)
  // The two that import the site's TypeScript run through tsx (markdown-render.mjs: server-only code).
  const runner =
    script === 'search-index.mjs'
      ? ['npx', ['tsx', `bench/${script}`]]
      : script === 'markdown-render.mjs'
        ? [process.execPath, ['--conditions=react-server', '--import', 'tsx', `bench/${script}`]]
        : [process.execPath, [`bench/${script}`]]
  if (run(runner[0], [...runner[1], ...(argsFor[script] ?? [])]) !== 0) failed++
}
process.exit(failed ? 1 : 0)
