import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import * as pagefind from 'pagefind'
import { toSearchHtml, type SearchablePost } from './document'

export type IndexablePost = SearchablePost & { url: string }
export type IndexStats = { pages: number; files: number; bytes: number }

// Pagefind also writes its ready-made UIs; /search renders its own, so they are not deployed.
const UNUSED_FILES = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$/

/**
 * Writes a Pagefind index of the posts to `outputPath` (replacing what was there). Runs before
 * `next build`, so the files are in `public/` when the build collects its static assets.
 */
export async function writeSearchIndex(posts: readonly IndexablePost[], outputPath: string): Promise<IndexStats> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`)
  try {
    // One at a time: the Pagefind service answers in order, and 1000 posts index in seconds.
    for (const post of posts) {
      const added = await index.addHTMLFile({ url: post.url, content: toSearchHtml(post) })
      if (added.errors.length > 0) throw new Error(`Pagefind could not index ${post.url}: ${added.errors.join('; ')}`)
    }
    await rm(outputPath, { recursive: true, force: true })
    const written = await index.writeFiles({ outputPath })
    if (written.errors.length > 0)
      throw new Error(`Pagefind could not write ${outputPath}: ${written.errors.join('; ')}`)
  } finally {
    await pagefind.close()
  }
  for (const name of await readdir(outputPath)) {
    if (UNUSED_FILES.test(name)) await rm(path.join(outputPath, name))
  }
  const files = await listFiles(outputPath)
  const sizes = await Promise.all(files.map(async (file) => (await stat(file)).size))
  return { pages: posts.length, files: files.length, bytes: sizes.reduce((sum, size) => sum + size, 0) }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name))
}
