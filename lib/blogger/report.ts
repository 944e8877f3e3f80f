import path from 'node:path'
import type { ImportPlan, PostPlan } from './plan'
import type { PendingFile } from './write'

const formats = { takeout: 'Takeout feed.atom', classic: 'classic Blogger export' } as const
const plural = (count: number, word: string, words = `${word}s`) => `${count} ${count === 1 ? word : words}`

function describeSkip(post: PostPlan): string {
  const where = post.oldPath ? ` (${post.oldPath})` : ''
  if (post.outcome === 'page')
    return `"${post.title}"${where}: a page. The site has no pages: nothing written, the old address is not redirected`
  return `"${post.title}"${where}: in the trash on Blogger (${post.bloggerStatus}), not imported`
}

/** The per-post report: what each post becomes, its old address, and everything not converted faithfully. */
export function formatReport(plan: ImportPlan, files: readonly PendingFile[], cwd: string): string {
  const show = (file: string) => (file.startsWith(`${cwd}${path.sep}`) ? path.relative(cwd, file) : file)
  const posts = plan.posts.filter((post) => post.outcome !== 'page')
  const pages = plan.posts.length - posts.length
  const commentCount = plan.comments.comments.length + plan.comments.leftOut.length
  const lines = [
    `${formats[plan.format]} of "${plan.blogTitle}": ` +
      `${plural(posts.length, 'post')}, ${plural(pages, 'page')}, ${plural(commentCount, 'comment')}`,
    '',
  ]
  for (const post of plan.posts) {
    const mine = files.filter((file) => file.bloggerId === post.bloggerId)
    const postFile = mine.find((file) => file.file.endsWith('.mdx'))
    if (!postFile) {
      lines.push(`  skipped    ${describeSkip(post)}`)
      continue
    }
    const draft = post.outcome === 'draft' ? ' (draft: true)' : ''
    lines.push(`  ${postFile.state.padEnd(10)} ${show(postFile.file)}  "${post.title}"${draft}`)
    if (post.oldPath && post.outcome === 'post')
      lines.push(`             old address ${post.oldPath} → /blog/${post.slug}`)
    for (const finding of post.findings) lines.push(`             - ${finding.message}`)
    for (const image of mine.filter((file) => file !== postFile && file.state === 'changed'))
      lines.push(`             - ${show(image.file)} exists with other contents`)
  }
  const map = files.find((file) => file.bloggerId === undefined)
  lines.push(
    '',
    map
      ? `Redirects: ${plural(plan.redirects.length, 'old address', 'old addresses')} answer 308; ` +
          `${show(map.file)} ${map.state}`
      : 'Redirects: none (no published post)',
  )
  const { comments, leftOut, notes } = plan.comments
  lines.push(`Comments: ${comments.length} on imported posts, ${leftOut.length} left out`)
  for (const comment of leftOut) lines.push(`  - comment ${comment.bloggerId}: ${comment.reason}`)
  for (const note of notes) lines.push(`  - ${note}`)
  for (const problem of plan.problems) lines.push(`Problem: ${problem}`)
  return `${lines.join('\n')}\n`
}
