import { getConfig } from '@/lib/config'
import { getFeed } from '@/lib/feeds/feed'
import { buildJsonFeed } from '@/lib/feeds/json-feed'
import { getAllPosts } from '@/lib/posts'
import { site } from '@/lib/site'

// Reads no request data, so it is prerendered at build time like the pages.
export function GET() {
  return new Response(buildJsonFeed(getFeed(getAllPosts(), { ...site, url: getConfig().site.url })), {
    headers: { 'Content-Type': 'application/feed+json; charset=utf-8' },
  })
}
