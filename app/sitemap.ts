import type { MetadataRoute } from 'next'
import { getAllPosts, getAllTags } from '@/lib/posts'
import { buildSitemap } from '@/lib/sitemap'
import { site } from '@/lib/site'

export default function sitemap(): MetadataRoute.Sitemap {
  return buildSitemap(getAllPosts(), getAllTags(), site.url)
}
