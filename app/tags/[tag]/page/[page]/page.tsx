import type { Metadata } from 'next'
import { getAlternates } from '@/lib/metadata'
import { listExtraPages, parsePageParam } from '@/lib/pagination'
import { getAllTags } from '@/lib/posts'
import { getTagPath } from '@/lib/tags'
import { loadTagPage, TagPosts } from '../../../_components/tag-posts'

// Page 1 is the tag page itself: /tags/<tag>/page/1 redirects there (next.config.ts).
export function generateStaticParams() {
  const params = getAllTags().flatMap((tag) =>
    listExtraPages(tag.count).map((page) => ({ tag: tag.slug, page: String(page) })),
  )
  // Cache Components refuses an empty list: while no tag needs a second page, one such page is
  // prerendered as what it is, a 404.
  return params.length > 0 ? params : [{ tag: getAllTags()[0]?.slug ?? 'none', page: '2' }]
}

async function load(params: PageProps<'/tags/[tag]/page/[page]'>['params']) {
  const { tag, page } = await params
  const number = parsePageParam(page)
  return loadTagPage(tag, number === undefined || number < 2 ? undefined : number)
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]/page/[page]'>): Promise<Metadata> {
  const { tag, page, pageCount } = await load(params)
  return {
    title: `Posts tagged “${tag.name}”, page ${page} of ${pageCount}`,
    alternates: getAlternates(`${getTagPath(tag.slug)}/page/${page}`),
  }
}

export default async function TagPageN({ params }: PageProps<'/tags/[tag]/page/[page]'>) {
  return <TagPosts {...await load(params)} />
}
