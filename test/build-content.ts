import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')

export type ContentBuild = {
  status: number | null
  output: string
  readDocuments: () => unknown[]
  cleanUp: () => void
}

/**
 * Runs the real Contentlayer build on a content folder, in a scratch directory so `.contentlayer/`
 * of the site is untouched. `publicDir` is where the posts' images are (the build reads their
 * sizes). Call cleanUp() when done.
 */
export function buildContent(contentDir: string, options: { publicDir?: string } = {}): ContentBuild {
  const cwd = mkdtempSync(path.join(tmpdir(), 'contentlayer-test-'))
  // The compiled config imports its plugins by package name: let it resolve them from the project.
  symlinkSync(path.join(root, 'node_modules'), path.join(cwd, 'node_modules'), 'dir')
  if (options.publicDir) symlinkSync(options.publicDir, path.join(cwd, 'public'), 'dir')
  const result = spawnSync(
    path.join(root, 'node_modules/.bin/contentlayer2'),
    ['build', '--config', path.join(root, 'contentlayer.config.ts')],
    // Contentlayer takes its working directory from PWD, not from process.cwd().
    { cwd, env: { ...process.env, PWD: cwd, CONTENT_DIR: contentDir }, encoding: 'utf8' },
  )
  return {
    status: result.status,
    output: `${result.stdout}${result.stderr}`,
    readDocuments: (): unknown[] =>
      JSON.parse(readFileSync(path.join(cwd, '.contentlayer/generated/Post/_index.json'), 'utf8')),
    cleanUp: () => rmSync(cwd, { recursive: true, force: true }),
  }
}
