import type { Feed } from './feed'
import { escapeXml, xmlElement } from './xml'

const link = (rel: string, type: string, href: string) =>
  `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`

/** Atom 1.0 (RFC 4287): dates in RFC 3339, the post URL as each entry's permanent id. */
export function buildAtom(feed: Feed): string {
  const entries = feed.entries.map((entry) =>
    [
      '<entry>',
      xmlElement('id', entry.url),
      xmlElement('title', entry.title),
      link('alternate', 'text/html', entry.url),
      xmlElement('published', entry.published.toISOString()),
      xmlElement('updated', entry.updated.toISOString()),
      ...entry.tags.map((tag) => `<category term="${escapeXml(tag)}"/>`),
      xmlElement('summary', entry.summary),
      xmlElement('content', entry.html, { type: 'html' }),
      '</entry>',
    ].join('\n'),
  )
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    xmlElement('id', feed.homeUrl),
    xmlElement('title', feed.title),
    xmlElement('subtitle', feed.description),
    xmlElement('updated', feed.updated.toISOString()),
    link('alternate', 'text/html', feed.homeUrl),
    link('self', 'application/atom+xml', feed.urls.atom),
    `<author>${xmlElement('name', feed.author)}</author>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}
