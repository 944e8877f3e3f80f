import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'

// Build output, caches and content of the real project: the copy must start cold and empty.
// `bench` is left out too: it is this script, not part of the site.
const skippedEntries = new Set([
  'node_modules', '.next', '.next-bench', '.contentlayer', 'content', '.git', 'bench',
  'test-results', 'playwright-report', 'blob-report', '.data', '.e2e-fixture-site', '.bench-og',
])
const isSkipped = (name) => skippedEntries.has(name) || name.endsWith('.tsbuildinfo')

/**
 * An empty directory under the system temp directory for a throwaway copy of the project. Builds
 * run there so they never touch `.next/` or `.contentlayer/` of the real project.
 */
export function createWorkspace(projectRoot) {
  const dir = mkdtempSync(join(tmpdir(), 'build-scale-'))
  if (!relative(resolve(projectRoot), resolve(dir)).startsWith('..')) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`The temp directory ${dir} is inside the project; set TMPDIR elsewhere.`)
  }
  return dir
}

/** Copies the project's sources and config, and leaves an empty `content/posts` for generated posts. */
export function copyProjectSources(projectRoot, dir) {
  for (const name of readdirSync(projectRoot)) {
    if (!isSkipped(name)) cpSync(join(projectRoot, name), join(dir, name), { recursive: true })
  }
  mkdirSync(join(dir, 'content', 'posts'), { recursive: true })
}

/**
 * Makes the project's node_modules available in the copy as a tree of hard links: a second or so,
 * and no extra disk. A symlink does not work: Turbopack refuses files outside the project root
 * ("Could not find the Next.js package"). Hard links share content with the real node_modules, so
 * anything that rewrote a file in place would change it there too; neither contentlayer2 nor
 * `next build` writes into node_modules. Across filesystems hard links fail: fall back to a copy.
 */
export function linkNodeModules(projectRoot, dir) {
  const source = join(projectRoot, 'node_modules')
  const target = join(dir, 'node_modules')
  try {
    execFileSync('cp', ['-al', source, target], { stdio: ['ignore', 'ignore', 'pipe'] })
    return 'hard links'
  } catch (error) {
    if (!String(error.stderr).includes('cross-device')) throw error
    rmSync(target, { recursive: true, force: true })
    execFileSync('cp', ['-a', source, target])
    return 'full copy'
  }
}

export function removeWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true })
}
