import type { Metadata } from 'next'
import { getAlternates } from '@/lib/metadata'
import { getAllTags } from '@/lib/posts'
import { getTagPath } from '@/lib/tags'
import { loadTagPage, TagPosts } from '../_components/tag-posts'

// Decoded slugs (`café`): Next.js percent-encodes them into the prerendered paths itself, and
// hands them back to the page encoded (see lib/route-params.ts).
export function generateStaticParams() {
  return getAllTags().map((tag) => ({ tag: tag.slug }))
}

export async function generateMetadata({ params }: PageProps<'/tags/[tag]'>): Promise<Metadata> {
  const { tag } = loadTagPage((await params).tag, 1)
  return {
    title: `Posts tagged “${tag.name}”`,
    description: `${tag.count} ${tag.count === 1 ? 'post' : 'posts'} about ${tag.name}.`,
    alternates: getAlternates(getTagPath(tag.slug)),
  }
}

export default async function TagPage({ params }: PageProps<'/tags/[tag]'>) {
  return <TagPosts {...loadTagPage((await params).tag, 1)} />
}
