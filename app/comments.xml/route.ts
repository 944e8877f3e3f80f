import { getRecentComments } from '@/lib/comments/cache'
import { renderCommentMarkdown } from '@/lib/comments/markdown'
import { buildCommentsAtom, type CommentFeedComment } from '@/lib/feeds/comments-atom'
import { getConfig } from '@/lib/config'
import { getPostBySlug } from '@/lib/posts'
import { getAbsoluteUrl, site } from '@/lib/site'

// The author's feed of new comments. Its data is cached with the `comments` tag, which every comment
// write invalidates, so it is served like a static file between writes. At build (the database is not
// read) and while the database is down it is an empty feed that lives a few seconds.
export async function GET() {
  const siteUrl = getConfig().site.url
  const recent = await getRecentComments()
  const listed = recent.state === 'loaded' ? recent.comments : []
  const comments = await Promise.all(
    listed.flatMap((comment): Array<Promise<CommentFeedComment>> => {
      const post = getPostBySlug(comment.slug)
      if (!post) return []
      const entry = { ...comment, post: { title: post.title, url: getAbsoluteUrl(post.url, siteUrl) } }
      // The same rendering as the page (an LRU keyed by the text keeps it cheap).
      return [renderCommentMarkdown(comment.body).then((html) => ({ ...entry, html }))]
    }),
  )
  const feed = {
    title: `Comments on ${site.name}`,
    language: site.language,
    homeUrl: getAbsoluteUrl('/', siteUrl),
    selfUrl: getAbsoluteUrl('/comments.xml', siteUrl),
    comments,
  }
  return new Response(buildCommentsAtom(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } })
}
