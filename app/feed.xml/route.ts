import { getConfig } from '@/lib/config'
import { getFeed } from '@/lib/feeds/feed'
import { buildRss } from '@/lib/feeds/rss'
import { getAllPosts } from '@/lib/posts'
import { site } from '@/lib/site'

// Reads no request data, so it is prerendered at build time like the pages.
export function GET() {
  return new Response(buildRss(getFeed(getAllPosts(), { ...site, url: getConfig().site.url })), {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8' },
  })
}
