// @ts-check
// The one way to copy the project for a build that must not touch its own .next/ and .contentlayer/:
// the fixture site (scripts/build-fixture-site.mjs), the benchmarks' sites and `npm run check:vercel`.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const projectRoot = fileURLToPath(new URL('../../', import.meta.url))

// Content comes from the caller; tests, benchmarks and CI are no part of a build. The copy gets no
// lockfile, so that Turbopack keeps the project as its root when the copy sits inside it.
const skipped = ['content/', 'e2e/', 'test/', 'bench/', '.github/', '.ci/', 'package-lock.json']
/** @param {string} file */
const isTest = (file) => /\.test\.tsx?$/.test(file)

/**
 * Copies what a build needs (tracked and new, not ignored, files, minus content, tests and CI) into
 * `outDir`, emptied first. Inside the project, the copy resolves the project's node_modules; anywhere
 * else, call linkNodeModules too.
 * @param {string} outDir
 * @param {{ omit?: readonly string[] }} [options] `omit`: files (relative to the project) to leave out as well.
 */
export function copyProject(outDir, { omit = [] } = {}) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir, { recursive: true })
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(
      (file) => file && !skipped.some((prefix) => file.startsWith(prefix)) && !isTest(file) && !omit.includes(file),
    )
    // A tracked file deleted in the working tree is listed too.
    .filter((file) => existsSync(path.join(projectRoot, file)))
  for (const file of files) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true })
    cpSync(path.join(projectRoot, file), path.join(outDir, file))
  }
}

/**
 * An empty directory under the system temp directory, for a copy of the project that must start
 * cold, away from the project's caches. Refuses one inside the project (TMPDIR pointing there).
 * @returns {string}
 */
export function createTempWorkspace() {
  const dir = mkdtempSync(path.join(tmpdir(), 'project-copy-'))
  if (!path.relative(projectRoot, dir).startsWith('..')) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`The temp directory ${dir} is inside the project; set TMPDIR elsewhere.`)
  }
  return dir
}

/**
 * Makes the project's node_modules available in a copy outside the project as a tree of hard links:
 * a second or so, and no extra disk. A symlink does not work: Turbopack refuses files outside the
 * project root ("Could not find the Next.js package"). Hard links share content with the real
 * node_modules, so anything that rewrote a file in place would change it there too; neither
 * contentlayer2 nor `next build` writes into node_modules. Across filesystems hard links fail: then
 * it copies.
 * @param {string} dir
 * @returns {'hard links' | 'full copy'}
 */
export function linkNodeModules(dir) {
  const source = path.join(projectRoot, 'node_modules')
  const target = path.join(dir, 'node_modules')
  try {
    execFileSync('cp', ['-al', source, target], { stdio: ['ignore', 'ignore', 'pipe'] })
    return 'hard links'
  } catch (error) {
    if (!(error instanceof Error && 'stderr' in error && String(error.stderr).includes('cross-device'))) throw error
    rmSync(target, { recursive: true, force: true })
    execFileSync('cp', ['-a', source, target])
    return 'full copy'
  }
}
