import Link from 'next/link'
import type { Post } from '@/lib/posts'
import { PostMeta } from './post-meta'

export type PostListProps = { posts: readonly Post[] }

export function PostList({ posts }: PostListProps) {
  if (posts.length === 0) {
    return <p className="text-zinc-600 dark:text-zinc-400">No posts yet. The first one is on its way.</p>
  }
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {posts.map((post) => (
        <li key={post.slug} className="py-8 first:pt-0">
          <article className="flex flex-col gap-3">
            <h2 className="text-2xl font-semibold tracking-tight">
              <Link href={post.url} className="text-zinc-900 hover:underline dark:text-zinc-50">
                {post.title}
              </Link>
            </h2>
            <PostMeta date={post.date} readingTime={post.readingTime} tags={post.tags} />
            <p className="text-zinc-700 dark:text-zinc-300">{post.summary}</p>
          </article>
        </li>
      ))}
    </ol>
  )
}
