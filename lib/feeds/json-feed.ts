import type { Feed } from './feed'

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). */
export function buildJsonFeed(feed: Feed): string {
  const authors = [{ name: feed.author }]
  return JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.urls.json,
      description: feed.description,
      language: feed.language,
      authors,
      items: feed.entries.map((entry) => ({
        id: entry.url,
        url: entry.url,
        title: entry.title,
        summary: entry.summary,
        content_html: entry.html,
        date_published: entry.published.toISOString(),
        date_modified: entry.updated.toISOString(),
        tags: entry.tags,
        authors,
      })),
    },
    null,
    2,
  )
}
