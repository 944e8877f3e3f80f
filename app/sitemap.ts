import type { MetadataRoute } from 'next'
import { getConfig } from '@/lib/config'
import { getAllPosts, getAllTags } from '@/lib/posts'
import { buildSitemap } from '@/lib/sitemap'

export default function sitemap(): MetadataRoute.Sitemap {
  return buildSitemap(getAllPosts(), getAllTags(), getConfig().site.url)
}
