import type { MetadataRoute } from 'next'
import { getConfig } from '@/lib/config'
import { getAbsoluteUrl } from '@/lib/site'

export default function robots(): MetadataRoute.Robots {
  return {
    // API routes answer scripts, not readers: nothing there for a search index.
    rules: { userAgent: '*', allow: '/', disallow: '/api/' },
    sitemap: getAbsoluteUrl('/sitemap.xml', getConfig().site.url),
  }
}
