import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { ImportPlan } from './plan'
import { readRedirectMap, REDIRECT_MAP_FILE } from './redirect-map'
import { formatRedirectMap, mergeRedirects } from './redirects'

export type FileState = 'new' | 'unchanged' | 'changed'

export type PendingFile = {
  file: string
  contents: Buffer
  state: FileState
  /** Post files and images are the author's once written: changing one needs --force. */
  isProtected: boolean
  /** The Blogger post it belongs to; none for the redirect map. */
  bloggerId?: string
}

export type ImportDirs = { contentDir: string; publicDir: string }

function pending(file: string, contents: Buffer, isProtected: boolean, bloggerId?: string): PendingFile {
  const state: FileState = !existsSync(file) ? 'new' : readFileSync(file).equals(contents) ? 'unchanged' : 'changed'
  return { file, contents, state, isProtected, ...(bloggerId ? { bloggerId } : {}) }
}

/**
 * Every file the plan writes, compared with what is on disk. Writing the same export twice gives
 * only `unchanged` files, so a repeated import is harmless; the redirect map is merged, not replaced.
 */
export function collectFiles(plan: ImportPlan, dirs: ImportDirs): PendingFile[] {
  const files: PendingFile[] = []
  for (const post of plan.posts) {
    if (!post.slug || post.source === undefined) continue
    files.push(
      pending(path.join(dirs.contentDir, 'posts', `${post.slug}.mdx`), Buffer.from(post.source), true, post.bloggerId),
    )
    for (const copy of post.copies)
      files.push(pending(path.join(dirs.publicDir, copy.to), readFileSync(copy.from), true, post.bloggerId))
  }
  if (plan.redirects.length > 0) {
    const map = mergeRedirects(readRedirectMap(dirs.contentDir), plan.redirects)
    files.push(pending(path.join(dirs.contentDir, REDIRECT_MAP_FILE), Buffer.from(formatRedirectMap(map)), false))
  }
  return files
}

/** Files that exist with other contents and are not ours to change without --force. */
export const findConflicts = (files: readonly PendingFile[]) =>
  files.filter((file) => file.isProtected && file.state === 'changed')

export function writeFiles(files: readonly PendingFile[]) {
  for (const file of files) {
    if (file.state === 'unchanged') continue
    mkdirSync(path.dirname(file.file), { recursive: true })
    writeFileSync(file.file, file.contents)
  }
}
