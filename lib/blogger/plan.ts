import { getTagPath, getTagSlug } from '@/lib/tags'
import { prepareComments, type CommentPlan } from './comment-records'
import type { BloggerExport, BloggerPost } from './types'
import type { Finding } from './hast-tools'
import { convertPostHtml } from './html-to-mdx'
import type { FindImage, ImageCopy } from './images'
import { choosePostSlug, formatPostFile, labelsToTags, toCalendarDay } from './post-file'
import type { RedirectEntry } from './redirect-map'
import { buildRedirects } from './redirects'

export type PostPlan = {
  bloggerId: string
  title: string
  oldPath: string | undefined
  /** `post` and `draft` are written; the others are reported and skipped. */
  outcome: 'post' | 'draft' | 'trashed' | 'page'
  bloggerStatus: string
  slug?: string
  source?: string
  copies: ImageCopy[]
  findings: Finding[]
}

export type ImportPlan = {
  format: BloggerExport['format']
  blogTitle: string
  posts: PostPlan[]
  redirects: RedirectEntry[]
  comments: CommentPlan
  /** Problems across posts that would stop the build: two labels sharing one tag address. */
  problems: string[]
}

function planPost(post: BloggerPost, slug: string, findImage: FindImage): PostPlan {
  const isDraft = post.status === 'draft'
  const body = convertPostHtml(post.html, { slug, findImage })
  const findings = [...body.findings]
  const date = toCalendarDay(post.published) ?? toCalendarDay(post.updated) ?? '1970-01-01'
  const updated = toCalendarDay(post.updated)
  const title = post.title.trim() || `Untitled post of ${date}`
  if (!post.title.trim()) findings.push({ kind: 'front-matter', message: `no title on Blogger: titled "${title}"` })
  if (!body.summary)
    findings.push({ kind: 'front-matter', message: 'no paragraph to take a summary from: the summary is the title' })
  const labels = labelsToTags(post.labels)
  for (const label of labels.dropped)
    findings.push({
      kind: 'front-matter',
      message: `label "${label}" has no letters or digits for a tag address: left out`,
    })
  if (isDraft && post.bloggerStatus !== 'DRAFT')
    findings.push({ kind: 'front-matter', message: `Blogger status ${post.bloggerStatus}: imported as a draft` })
  const source = formatPostFile(
    {
      title,
      date,
      updated: updated && updated > date ? updated : undefined,
      summary: body.summary ?? title,
      tags: labels.tags,
      draft: isDraft,
    },
    body.markdown,
  )
  return { ...basePlan(post, isDraft ? 'draft' : 'post'), slug, source, copies: body.copies, findings }
}

const basePlan = (post: BloggerPost, outcome: PostPlan['outcome']): PostPlan => ({
  bloggerId: post.id,
  title: post.title,
  oldPath: post.path,
  outcome,
  bloggerStatus: post.bloggerStatus,
  copies: [],
  findings: [],
})

/** lib/tags.ts stops the build when two tags share an address (`C#` and `C++`): say so now. */
function findTagClashes(tagsBySlug: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  return [...tagsBySlug]
    .filter(([, spellings]) => new Set([...spellings].map((spelling) => spelling.toLowerCase())).size > 1)
    .map(([slug, spellings]) => {
      const labels = [...spellings].map((s) => `"${s}"`).join(' and ')
      return `the labels ${labels} would share ${getTagPath(slug)}: rename one in the imported posts`
    })
}

/**
 * Everything the import would write, decided before anything is written: posts oldest first (so
 * a repeated file name gets -2 on the later post, the same on every run), pages and trashed posts
 * reported and skipped, the redirects of the published posts, and the comments on imported posts.
 */
export function planImport(data: BloggerExport, options: { findImage: FindImage }): ImportPlan {
  const taken = new Set<string>()
  const byDate = [...data.posts].sort(
    (a, b) => (a.published ?? '').localeCompare(b.published ?? '') || a.id.localeCompare(b.id),
  )
  const posts = byDate.map((post) => {
    if (post.kind === 'page') return basePlan(post, 'page')
    if (post.status === 'trashed') return basePlan(post, 'trashed')
    return planPost(post, choosePostSlug(post, taken), options.findImage)
  })
  const published = posts.filter((post) => post.outcome === 'post')
  const labelsById = new Map(data.posts.map((post) => [post.id, labelsToTags(post.labels).tags]))
  const tagsBySlug = new Map<string, Set<string>>()
  for (const post of published) {
    for (const tag of labelsById.get(post.bloggerId) ?? [])
      tagsBySlug.set(getTagSlug(tag), (tagsBySlug.get(getTagSlug(tag)) ?? new Set()).add(tag))
  }
  const slugByPostId = new Map(posts.flatMap((post) => (post.slug ? [[post.bloggerId, post.slug] as const] : [])))
  return {
    format: data.format,
    blogTitle: data.title,
    posts,
    redirects: buildRedirects(
      published.map((post) => ({
        slug: post.slug ?? '',
        path: post.oldPath,
        labels: labelsById.get(post.bloggerId) ?? [],
      })),
    ),
    comments: prepareComments(data.comments, slugByPostId),
    problems: findTagClashes(tagsBySlug),
  }
}
