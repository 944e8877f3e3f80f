import type { Post } from '@/lib/posts'

/**
 * A stand-in for `@/lib/posts` in the unit tests that need a post to comment on, holding two posts of
 * the fixture site (test/fixtures/content/site): an author rewriting or deleting a real post breaks
 * no test. In a test file: `vi.mock('@/lib/posts', () => import('@/test/support/posts'))`.
 */
type FixturePost = Pick<Post, 'slug' | 'title' | 'url'>

export const fixturePost: FixturePost = {
  slug: 'a-tour-of-the-backend',
  title: 'A tour of the backend',
  url: '/blog/a-tour-of-the-backend',
}
export const otherFixturePost: FixturePost = {
  slug: 'apis-that-last',
  title: 'APIs that last',
  url: '/blog/apis-that-last',
}

const posts: readonly FixturePost[] = [otherFixturePost, fixturePost]
const postsBySlug = new Map(posts.map((post) => [post.slug, post]))

export function getAllPosts(): readonly FixturePost[] {
  return posts
}

export function getPostBySlug(slug: string): FixturePost | undefined {
  return postsBySlug.get(slug)
}
