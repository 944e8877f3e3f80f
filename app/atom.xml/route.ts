import { getConfig } from '@/lib/config'
import { getFeed } from '@/lib/feeds/feed'
import { buildAtom } from '@/lib/feeds/atom'
import { getAllPosts } from '@/lib/posts'
import { site } from '@/lib/site'

// Reads no request data, so it is prerendered at build time like the pages.
export function GET() {
  return new Response(buildAtom(getFeed(getAllPosts(), { ...site, url: getConfig().site.url })), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  })
}
