import { ImageResponse } from 'next/og'
import { notFound } from 'next/navigation'
import { formatPostDate } from '@/lib/format'
import { getAllPosts, getPostBySlug } from '@/lib/posts'
import { decodeRouteParam } from '@/lib/route-params'
import { site } from '@/lib/site'

// A static alt text: generateImageMetadata could give each card its title as alt, but in Next.js
// 16.4 it is called without the route params while page data is collected, and the build fails.
export const alt = `Title card of a ${site.name} post: its title, the site name and the date`
export const size = { width: 1200, height: 630 }
export const contentType = 'image/png'

// One image per post, drawn at build time like the post pages themselves.
export function generateStaticParams() {
  return getAllPosts().map((post) => ({ slug: post.slug }))
}

async function loadPost(params: Promise<{ slug: string }>) {
  const post = getPostBySlug(decodeRouteParam((await params).slug) ?? '')
  if (!post) notFound()
  return post
}

/**
 * Title, site name and date on a plain card, in the Geist font that next/og bundles: no font is
 * fetched from the network. Emoji are left out, because next/og would download their images.
 */
export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const post = await loadPost(params)
  const title = post.title.replace(/\p{Extended_Pictographic}\uFE0F?/gu, '').trim()

  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px',
        background: '#09090b',
        color: '#fafafa',
        borderTop: '16px solid #14b8a6',
      }}
    >
      <div style={{ display: 'flex', fontSize: 36, color: '#5eead4' }}>{site.name}</div>
      <div style={{ display: 'flex', fontSize: title.length > 60 ? 60 : 72, lineHeight: 1.15 }}>{title}</div>
      <div style={{ display: 'flex', fontSize: 32, color: '#a1a1aa' }}>{formatPostDate(post.date)}</div>
    </div>,
    size,
  )
}
