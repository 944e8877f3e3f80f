// Copies the project's sources into a directory inside it (so the copy resolves the project's
// node_modules), for builds that must not touch the project's own .next/ and .contentlayer/.
// The copy gets no lockfile, so Turbopack keeps the project as its root.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'

export const projectRoot = path.resolve(import.meta.dirname, '..')

const skipped = ['content/', 'e2e/', 'test/', 'bench/', '.github/', '.ci/', 'package-lock.json']
const isTest = (file) => /\.test\.tsx?$/.test(file)

/** Tracked and new (not ignored) files, minus content, tests and CI: what a build needs. */
export function copyProject(outDir, { omit = [] } = {}) {
  rmSync(outDir, { recursive: true, force: true })
  mkdirSync(outDir)
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: projectRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((file) => file && !skipped.some((prefix) => file.startsWith(prefix)) && !isTest(file) && !omit.includes(file))
    .filter((file) => existsSync(path.join(projectRoot, file)))
  for (const file of files) {
    mkdirSync(path.dirname(path.join(outDir, file)), { recursive: true })
    cpSync(path.join(projectRoot, file), path.join(outDir, file))
  }
}
