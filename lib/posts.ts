import 'server-only'
import { allPosts, type Post } from 'contentlayer/generated'
import { selectPosts } from './post-selection'

export type { Post }

// `next dev` shows drafts so authors can preview them; `next build` leaves them out entirely.
const posts = selectPosts(allPosts, { includeDrafts: process.env.NODE_ENV === 'development' })
const postsBySlug = new Map(posts.map((post) => [post.slug, post]))

/** Every post a reader may see, newest first. */
export function getAllPosts(): readonly Post[] {
  return posts
}

/** Returns undefined for unknown slugs and, in production, for drafts. */
export function getPostBySlug(slug: string): Post | undefined {
  return postsBySlug.get(slug)
}
