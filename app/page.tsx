import { PostList } from '@/components/post-list'
import { getAllPosts } from '@/lib/posts'

export default function HomePage() {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-8 text-sm font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-400">
        Latest posts
      </h1>
      <PostList posts={getAllPosts()} />
    </div>
  )
}
