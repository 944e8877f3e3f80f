import { notFound } from 'next/navigation'
import { Pagination } from '@/components/pagination'
import { PostList } from '@/components/post-list'
import { getPage } from '@/lib/pagination'
import { getAllTags, getPostsByTag } from '@/lib/posts'
import { decodeRouteParam } from '@/lib/route-params'
import { getTagPath } from '@/lib/tags'

/**
 * The tag and one page of its posts, or notFound() for an unknown tag or page. Each tag has one
 * address: other spellings of its slug (`Café`, `cafe` + a combining accent) are 404s, not
 * redirects, because a redirect thrown while rendering a page goes out with its Location header
 * twice in Next.js 16.4 (vercel/next.js#82117), which proxies merge into a broken `/a, /a`.
 */
export function loadTagPage(tagParam: string, pageNumber: number | undefined) {
  const slug = decodeRouteParam(tagParam)
  const tag = getAllTags().find((candidate) => candidate.slug === slug)
  const posts = tag && getPostsByTag(tag.slug)
  const page = posts && pageNumber !== undefined ? getPage(posts, pageNumber) : undefined
  if (!tag || !page) notFound()
  return { tag, ...page }
}

export type TagPostsProps = ReturnType<typeof loadTagPage>

export function TagPosts({ tag, items, page, pageCount }: TagPostsProps) {
  const path = getTagPath(tag.slug)
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold tracking-tight">Posts tagged “{tag.name}”</h1>
      <p className="mb-8 text-zinc-600 dark:text-zinc-400">
        {tag.count} {tag.count === 1 ? 'post' : 'posts'}
        {pageCount > 1 ? `, page ${page} of ${pageCount}` : ''}
      </p>
      <PostList posts={items} />
      <Pagination page={page} pageCount={pageCount} firstPagePath={path} pagesBase={`${path}/page`} />
    </div>
  )
}
