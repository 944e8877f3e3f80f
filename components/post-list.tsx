import type { Post } from '@/lib/posts'
import { CommentCount } from './comment-count'
import { PostMeta } from './post-meta'
import { PostSummary } from './post-summary'

export type PostListProps = { posts: readonly Post[] }

export function PostList({ posts }: PostListProps) {
  if (posts.length === 0) {
    return <p className="text-zinc-600 dark:text-zinc-400">No posts yet. The first one is on its way.</p>
  }
  return (
    <ol className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {posts.map((post) => (
        <li key={post.slug} className="py-8 first:pt-0">
          <PostSummary
            variant="listing"
            title={post.title}
            url={post.url}
            meta={<PostMeta date={post.date} readingTime={post.readingTime} tags={post.tags} />}
            summary={post.summary}
          />
          <CommentCount slug={post.slug} url={post.url} className="mt-3 inline-block" />
        </li>
      ))}
    </ol>
  )
}
