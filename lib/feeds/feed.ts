import { normalizeTag } from '../tags'
import { renderFeedHtml } from './html'

/** Feeds carry the newest posts only: readers poll them, and a feed of every post grows without end. */
export const FEED_SIZE = 20

export type FeedPost = {
  slug: string
  title: string
  summary: string
  /** Site-relative, e.g. `/blog/<slug>`. */
  url: string
  date: string
  updated?: string | undefined
  tags: readonly string[]
  body: { raw: string }
}

export type FeedSite = {
  name: string
  description: string
  url: string
  language: string
  author: { name: string }
}

export type FeedEntry = {
  /** The absolute URL of the post: its permalink and its id in every format. */
  url: string
  title: string
  summary: string
  html: string
  published: Date
  updated: Date
  tags: readonly string[]
}

export type Feed = {
  title: string
  description: string
  language: string
  author: string
  homeUrl: string
  urls: { rss: string; atom: string; json: string }
  /** The latest change among the entries, so the feed is the same on every build of the same posts. */
  updated: Date
  entries: FeedEntry[]
}

/** The feed of the newest posts, with absolute URLs and full content. Expects posts newest first. */
export function getFeed(postsNewestFirst: readonly FeedPost[], site: FeedSite): Feed {
  const absolute = (path: string) => new URL(path, `${site.url}/`).href
  const entries = postsNewestFirst.slice(0, FEED_SIZE).map((post): FeedEntry => {
    const url = absolute(post.url)
    return {
      url,
      title: post.title,
      summary: post.summary,
      html: renderFeedHtml(post.body.raw, url),
      published: new Date(post.date),
      updated: new Date(post.updated ?? post.date),
      tags: post.tags.map(normalizeTag),
    }
  })
  const updated = Math.max(0, ...entries.map((entry) => entry.updated.getTime()))
  return {
    title: site.name,
    description: site.description,
    language: site.language,
    author: site.author.name,
    homeUrl: absolute('/'),
    urls: { rss: absolute('/feed.xml'), atom: absolute('/atom.xml'), json: absolute('/feed.json') },
    updated: new Date(updated),
    entries,
  }
}
