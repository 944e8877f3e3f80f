// How do build time, build memory and a post page's JavaScript grow with the number of posts?
// Usage: npm run bench:build -- [posts=100] [--keep] [--timeout <seconds>]   (see docs/benchmarks.md)
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { listPrerenderedPages, measureOwnScripts, measurePageScripts } from './lib/page-weight.mjs'
import { runPhase } from './lib/run-phase.mjs'
import { writeSyntheticPosts } from './lib/synthetic-posts.mjs'
import { copyProject, createTempWorkspace, linkNodeModules } from '../lib/tooling/project-copy.mjs'

const LOG_TAIL_LINES = 40

const seconds = (value) => value.toFixed(1)
const mib = (kib) => Math.round(kib / 1024)
const kib = (bytes) => (bytes / 1024).toFixed(1)
const print = (line) => console.log(line)

function parseOptions(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { keep: { type: 'boolean', default: false }, timeout: { type: 'string' } },
  })
  const posts = Number(positionals[0] ?? 100)
  const timeoutSeconds = values.timeout === undefined ? undefined : Number(values.timeout)
  if (!Number.isInteger(posts) || posts < 1)
    throw new Error(`Expected a positive number of posts, got "${positionals[0]}".`)
  if (timeoutSeconds !== undefined && !(timeoutSeconds > 0))
    throw new Error(`Expected --timeout in seconds, got "${values.timeout}".`)
  return { posts, isKept: values.keep, timeoutSeconds }
}

/** Ctrl-C, SIGTERM and --timeout all abort the same signal, which kills the running build. */
function createAbortSignal(timeoutSeconds) {
  const controller = new AbortController()
  for (const name of ['SIGINT', 'SIGTERM']) process.on(name, () => controller.abort(name))
  // Not AbortSignal.any([…, AbortSignal.timeout()]): nothing holds the timeout signal, so it can be
  // garbage-collected and never fire (seen here on Node 20; https://github.com/nodejs/node/issues/57736).
  if (timeoutSeconds !== undefined) {
    setTimeout(() => controller.abort(`timeout after ${timeoutSeconds} s`), timeoutSeconds * 1000).unref()
  }
  return controller.signal
}

function prepareWorkspace(workspace, posts) {
  const startedAt = performance.now()
  copyProject(workspace)
  const linkMode = linkNodeModules(workspace)
  mkdirSync(join(workspace, 'content', 'posts'), { recursive: true })
  const { averageWords } = writeSyntheticPosts(join(workspace, 'content', 'posts'), posts)
  print(`posts: ${posts} (avg ${Math.round(averageWords)} words)`)
  // Other builds on the machine slow this one down; the load average says how noisy the figures are.
  print(`machine: ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at start`)
  print(`setup seconds: ${seconds((performance.now() - startedAt) / 1000)} (node_modules as ${linkMode})`)
}

/** contentlayer2 then next build, as `npm run build` does; stops at the first failing step. */
async function runBuild(workspace, signal) {
  // contentlayer2 takes its working directory from $PWD before process.cwd()
  // (node_modules/@contentlayer2/core/dist/cwd.js). An inherited PWD would point it at the real
  // project: it compiled the config into the real project's .contentlayer/.cache, then hung at 100% CPU.
  // One build clock for every step, as `npm run build` (scripts/build.mjs) sets it.
  const env = { ...process.env, PWD: workspace, NEXT_TELEMETRY_DISABLED: '1', BUILD_TIME: new Date().toISOString() }
  // The posts live in the copy's own content/, which is the config's default.
  delete env.CONTENT_DIR
  const bin = (name) => join(workspace, 'node_modules', '.bin', name)
  const steps = [
    { name: 'contentlayer', command: bin('contentlayer2'), args: ['build'] },
    {
      name: 'search index',
      command: bin('tsx'),
      args: ['--conditions=react-server', '--tsconfig', 'tsconfig.scripts.json', 'scripts/build-search-index.ts'],
    },
    { name: 'next build', command: bin('next'), args: ['build'] },
  ]
  const logFile = join(workspace, 'build.log')
  const memoryLog = join(workspace, 'memory.csv')
  writeFileSync(memoryLog, 'phase,seconds,tree_mib,largest_mib\n')
  const logFd = openSync(logFile, 'a')
  const startedAt = performance.now()
  const results = []
  try {
    for (const step of steps) {
      process.stderr.write(`  [${step.name}] running…\n`)
      const result = await runPhase({ ...step, cwd: workspace, env, logFd, memoryLog, signal })
      results.push({ name: step.name, ...result })
      if (result.code !== 0) break
    }
  } finally {
    closeSync(logFd)
  }
  const isOk = results.length === steps.length && results.every((result) => result.code === 0)
  return { isOk, results, seconds: (performance.now() - startedAt) / 1000, logFile }
}

function reportBuild({ results, seconds: total }) {
  for (const { name, seconds: phaseSeconds } of results) print(`${name} seconds: ${seconds(phaseSeconds)}`)
  print(`build seconds: ${seconds(total)}`)
  const peakOf = (key) => Math.max(...results.map((result) => result.peak[key]))
  print(`peak RSS MiB: ${mib(peakOf('treeKiB'))} (tree) / ${mib(peakOf('largestKiB'))} (largest process)`)
  for (const { name, peak } of results) {
    print(`${name} peak RSS MiB: ${mib(peak.treeKiB)} (tree) / ${mib(peak.largestKiB)} (largest process)`)
  }
}

function reportFailure({ results, logFile }, signal) {
  const failed = results.at(-1)
  const cause = signal.aborted ? `aborted (${signal.reason})` : `exit code ${failed.code}, signal ${failed.exitSignal}`
  console.error(`build failed: ${failed.name} after ${seconds(failed.seconds)} s, ${cause}`)
  console.error(`--- last ${LOG_TAIL_LINES} lines of the build output ---`)
  console.error(readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n'))
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

function reportOutput(workspace, logFile) {
  const distDir = join(workspace, '.next')
  const pages = listPrerenderedPages(distDir)
  // With Cache Components, `blog/[slug].html` is the shell for slugs not known at build time, not a post.
  const isRouteShell = (page) => page.includes('[')
  const postPages = pages.filter((page) => page.startsWith('blog/') && !isRouteShell(page))
  print(
    `pages generated: ${pages.length} (${postPages.length} posts, ${pages.filter(isRouteShell).length} route shells)`,
  )
  const progress = [...readFileSync(logFile, 'utf8').matchAll(/Generating static pages.*\((\d+)\/(\d+)\)/g)].at(-1)
  print(`static pages reported by next: ${progress ? progress[2] : 'unknown'}`)
  if (postPages.length === 0) return

  const index = listFiles(join(workspace, 'public', 'pagefind'))
  const indexBytes = index.reduce((sum, file) => sum + statSync(file).size, 0)
  print(`search index: ${(indexBytes / 1024 / 1024).toFixed(1)} MiB in ${index.length} files`)

  const page = postPages[0]
  const { js, noModule } = measurePageScripts(distDir, join(distDir, 'server', 'app', page))
  print(`post page measured: /${page.replace(/\.html$/, '')}`)
  print(`post page JS gzipped KiB: ${kib(js.gzipBytes)} (${js.files} files)`)
  // The 404 page renders only the root layout: what the post page adds to it is its own code.
  const own = measureOwnScripts(
    distDir,
    join(distDir, 'server', 'app', page),
    join(distDir, 'server', 'app', '_not-found.html'),
  )
  print(`post page own JS gzipped KiB (beyond the 404 page's): ${kib(own.gzipBytes)} (${own.files} files)`)
  print(
    `post page noModule JS gzipped KiB: ${kib(noModule.gzipBytes)} ` +
      `(${noModule.files} files, skipped by modern browsers)`,
  )
}

async function main() {
  const options = parseOptions(process.argv.slice(2))
  const signal = createAbortSignal(options.timeoutSeconds)
  const workspace = createTempWorkspace()
  try {
    prepareWorkspace(workspace, options.posts)
    signal.throwIfAborted()
    const build = await runBuild(workspace, signal)
    reportBuild(build)
    if (!build.isOk) {
      reportFailure(build, signal)
      process.exitCode = signal.reason === 'SIGINT' ? 130 : 1
      return
    }
    reportOutput(workspace, build.logFile)
  } finally {
    if (options.isKept) {
      console.error(`kept: ${workspace} (build.log, memory.csv, .next/)`)
    } else {
      // Unlinking ~50k hard links takes a few seconds on a busy machine: say why nothing happens.
      console.error(`  removing ${workspace}…`)
      rmSync(workspace, { recursive: true, force: true })
    }
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
