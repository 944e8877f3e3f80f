import type { Metadata } from 'next'
import { site } from './site'

/** The feeds, announced as `<link rel="alternate">` in every page's head. */
export const feedLinks = {
  'application/rss+xml': [{ url: '/feed.xml', title: `${site.name} (RSS)` }],
  'application/atom+xml': [{ url: '/atom.xml', title: `${site.name} (Atom)` }],
  'application/feed+json': [{ url: '/feed.json', title: `${site.name} (JSON Feed)` }],
}

/**
 * `alternates` for a page. Next.js merges metadata one top-level key at a time, so a page that
 * sets its canonical URL replaces the layout's whole `alternates`: the feed links must come along.
 */
export function getAlternates(canonical: string): NonNullable<Metadata['alternates']> {
  return { canonical, types: feedLinks }
}
