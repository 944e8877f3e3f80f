import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { Pagination } from '@/components/pagination'
import { PostList } from '@/components/post-list'
import { getAlternates } from '@/lib/metadata'
import { getPage, listExtraPages, parsePageParam } from '@/lib/pagination'
import { getAllPosts } from '@/lib/posts'

// Page 1 is the home page: /blog/page/1 redirects there (next.config.ts).
export function generateStaticParams() {
  const pages = listExtraPages(getAllPosts().length).map((page) => ({ page: String(page) }))
  // Cache Components refuses an empty list. While every post fits on the home page, page 2 is
  // prerendered as what it is: a 404.
  return pages.length > 0 ? pages : [{ page: '2' }]
}

async function loadPage(params: PageProps<'/blog/page/[page]'>['params']) {
  const number = parsePageParam((await params).page)
  const page = number === undefined || number < 2 ? undefined : getPage(getAllPosts(), number)
  if (!page) notFound()
  return page
}

export async function generateMetadata({ params }: PageProps<'/blog/page/[page]'>): Promise<Metadata> {
  const { page, pageCount } = await loadPage(params)
  return { title: `Posts, page ${page} of ${pageCount}`, alternates: getAlternates(`/blog/page/${page}`) }
}

export default async function PostsPage({ params }: PageProps<'/blog/page/[page]'>) {
  const { items, page, pageCount } = await loadPage(params)
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-8 text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        Posts, page {page} of {pageCount}
      </h1>
      <PostList posts={items} />
      <Pagination page={page} pageCount={pageCount} firstPagePath="/" pagesBase="/blog/page" />
    </div>
  )
}
