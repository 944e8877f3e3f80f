import type { Feed } from './feed'
import { escapeXml, xmlElement } from './xml'

/** RSS 2.0 (https://www.rssboard.org/rss-specification), full content in `content:encoded`. */
export function buildRss(feed: Feed): string {
  const items = feed.entries.map((entry) =>
    [
      '<item>',
      xmlElement('title', entry.title),
      xmlElement('link', entry.url),
      xmlElement('guid', entry.url, { isPermaLink: 'true' }),
      // RFC 822 dates, as the RSS spec requires (toUTCString gives "Tue, 24 Nov 2026 00:00:00 GMT").
      xmlElement('pubDate', entry.published.toUTCString()),
      xmlElement('dc:creator', feed.author),
      ...entry.tags.map((tag) => xmlElement('category', tag)),
      xmlElement('description', entry.summary),
      xmlElement('content:encoded', entry.html),
      '</item>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    '<channel>',
    xmlElement('title', feed.title),
    xmlElement('link', feed.homeUrl),
    xmlElement('description', feed.description),
    xmlElement('language', feed.language),
    xmlElement('lastBuildDate', feed.updated.toUTCString()),
    xmlElement('docs', 'https://www.rssboard.org/rss-specification'),
    `<atom:link href="${escapeXml(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n')
}
