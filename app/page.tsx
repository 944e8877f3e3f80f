import { Pagination } from '@/components/pagination'
import { PostList } from '@/components/post-list'
import { getPage } from '@/lib/pagination'
import { getAllPosts } from '@/lib/posts'

export default function HomePage() {
  // Page 1 always exists, even with no posts (the list then says so).
  const { items, pageCount } = getPage(getAllPosts(), 1) ?? { items: [], pageCount: 1 }
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-8 text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        Latest posts
      </h1>
      <PostList posts={items} />
      <Pagination page={1} pageCount={pageCount} firstPagePath="/" pagesBase="/blog/page" />
    </div>
  )
}
