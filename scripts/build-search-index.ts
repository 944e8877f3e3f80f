// `npm run search-index`: writes the Pagefind index of every published post to public/pagefind/.
// Runs after `contentlayer2 build` and before `next build` (see package.json). Reads the posts
// through lib/posts.ts, so drafts (and anything else the site leaves out) stay out of search.
import path from 'node:path'
import { getAllPosts } from '@/lib/posts'
import { writeSearchIndex } from '@/lib/search/build-index'

// `npm run build` fixes the build's clock for every step; run alone, this script takes the time now
// (read by lib/build-config.ts on the first getAllPosts() call).
process.env.BUILD_TIME ??= new Date().toISOString()

const outputPath = path.join(process.cwd(), 'public', 'pagefind')
const started = performance.now()
const stats = await writeSearchIndex(getAllPosts(), outputPath)
const seconds = ((performance.now() - started) / 1000).toFixed(1)
console.log(
  `Search index: ${stats.pages} posts, ${stats.files} files, ${(stats.bytes / 1024).toFixed(0)} KiB ` +
    `in ${path.relative(process.cwd(), outputPath)}/ (${seconds} s)`,
)
