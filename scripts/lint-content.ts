// `npm run lint:content`: checks every post and prints `file:line: message` for each problem
// (see lib/content-lint/), and `file:line: note: …` for each scheduled post. Exits 1 when there is
// any problem; notes do not fail. CONTENT_DIR points it at other posts, as it does Contentlayer.
import path from 'node:path'
import { z } from 'zod'
import { Post } from '../contentlayer.config'
import { fieldSpecSchema } from '@/lib/content-lint/frontmatter'
import { lintContent } from '@/lib/content-lint/lint'

const rootDir = process.cwd()
const contentDir = path.relative(rootDir, path.resolve(process.env.CONTENT_DIR ?? 'content')) || '.'
const { problems, notes } = lintContent({
  contentDir,
  rootDir,
  fields: z.record(z.string(), fieldSpecSchema).parse(Post.def().fields),
  now: Date.now(),
})

for (const problem of problems) console.log(`${problem.file}:${problem.line}: ${problem.message}`)
for (const note of notes) console.log(`${note.file}:${note.line}: note: ${note.message}`)
const scheduled = notes.length > 0 ? ` (${notes.length} scheduled)` : ''
if (problems.length > 0) {
  const files = new Set(problems.map((problem) => problem.file)).size
  console.error(
    `\nlint:content: ${problems.length} problem${problems.length === 1 ? '' : 's'} ` +
      `in ${files} file${files === 1 ? '' : 's'}${scheduled}`,
  )
  process.exit(1)
}
console.log(`lint:content: every post in ${contentDir}/posts is fine${scheduled}`)
