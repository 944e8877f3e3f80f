import 'server-only'
import { allPosts, type Post } from 'contentlayer/generated'
import { selectPosts } from './post-selection'
import { getTagIndex, type TagIndex, type TagSummary } from './tags'

export type { Post }

// `next dev` previews drafts and scheduled posts so authors can read them before they go out;
// `next build` leaves both out entirely.
const isPreview = process.env.NODE_ENV === 'development'

/**
 * The build's clock: fixed once in next.config.ts and inlined, so every page of one build (each
 * worker evaluates this module) agrees on which scheduled posts are out.
 */
function getBuildTime(): number {
  const buildTime = Date.parse(process.env.BUILD_TIME ?? '')
  if (Number.isNaN(buildTime)) throw new Error('BUILD_TIME is not set: it comes from next.config.ts')
  return buildTime
}

const posts = selectPosts(allPosts, { includeDrafts: isPreview, includeScheduled: isPreview, now: getBuildTime() })
const postsBySlug = new Map(posts.map((post) => [post.slug, post]))

/** Every post a reader may see, newest first. */
export function getAllPosts(): readonly Post[] {
  return posts
}

/** Returns undefined for unknown slugs and, in production, for drafts and scheduled posts. */
export function getPostBySlug(slug: string): Post | undefined {
  return postsBySlug.get(slug)
}

let tagIndex: TagIndex<Post> | undefined

/** Every tag with its post count, sorted by name; computed once per server process. */
export function getAllTags(): readonly TagSummary[] {
  tagIndex ??= getTagIndex(posts)
  return tagIndex.tags
}

/** The posts of a tag slug (see lib/tags.ts), newest first; undefined for an unknown tag. */
export function getPostsByTag(slug: string): readonly Post[] | undefined {
  tagIndex ??= getTagIndex(posts)
  return tagIndex.postsByTag.get(slug)
}
