import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { JsonLd } from '@/components/json-ld'
import { MdxContent } from '@/components/mdx-content'
import { PostMeta } from '@/components/post-meta'
import { SeriesNav } from '@/components/series-nav'
import { TableOfContents } from '@/components/table-of-contents'
import { getConfig } from '@/lib/config'
import { getBlogPostingJsonLd } from '@/lib/json-ld'
import { getAlternates } from '@/lib/metadata'
import { nestToc, parseToc } from '@/lib/mdx/toc'
import { getAllPosts, getPostBySlug } from '@/lib/posts'
import { decodeRouteParam } from '@/lib/route-params'
import { getSeries } from '@/lib/series'
import { site } from '@/lib/site'
import { CommentsSection } from './_components/comments-section'
import { PostFooter } from './_components/post-footer'

const proseClass =
  'prose max-w-none prose-zinc lg:col-start-1 dark:prose-invert prose-headings:scroll-mt-6 ' +
  'prose-a:text-teal-700 dark:prose-a:text-teal-300'

export function generateStaticParams() {
  return getAllPosts().map((post) => ({ slug: post.slug }))
}

/** The post of a `[slug]` param, which arrives percent-encoded (`d%C3%A9j%C3%A0-vu`). */
async function loadPost(params: PageProps<'/blog/[slug]'>['params']) {
  const post = getPostBySlug(decodeRouteParam((await params).slug) ?? '')
  if (!post) notFound()
  return post
}

export async function generateMetadata({ params }: PageProps<'/blog/[slug]'>): Promise<Metadata> {
  const post = await loadPost(params)
  // The Open Graph image comes from ./opengraph-image.tsx, which Next.js adds to these tags.
  return {
    title: post.title,
    description: post.summary,
    alternates: getAlternates(post.url),
    openGraph: {
      type: 'article',
      siteName: site.name,
      locale: site.locale,
      url: post.url,
      title: post.title,
      description: post.summary,
      publishedTime: post.date,
      modifiedTime: post.updated ?? post.date,
      authors: [site.author.name],
      tags: post.tags,
    },
    twitter: { card: 'summary_large_image', title: post.title, description: post.summary },
  }
}

export default async function PostPage({ params }: PageProps<'/blog/[slug]'>) {
  const post = await loadPost(params)
  const toc = nestToc(parseToc(post.toc))
  const series = getSeries(getAllPosts(), post)

  return (
    <article className="lg:grid lg:grid-cols-[minmax(0,1fr)_15rem] lg:gap-x-12">
      <JsonLd data={getBlogPostingJsonLd(post, { ...site, url: getConfig().site.url })} />
      <header className="mb-8 flex flex-col gap-4 lg:col-start-1">
        <h1 className="text-3xl font-bold tracking-tight text-balance sm:text-4xl">{post.title}</h1>
        <PostMeta date={post.date} updated={post.updated} readingTime={post.readingTime} tags={post.tags} />
        {series ? <SeriesNav series={series} currentSlug={post.slug} /> : null}
      </header>
      <aside className="mb-8 lg:col-start-2 lg:row-span-4 lg:row-start-1">
        <div className="lg:sticky lg:top-8 lg:max-h-[calc(100dvh-4rem)] lg:overflow-y-auto">
          <TableOfContents items={toc} />
        </div>
      </aside>
      <div className={proseClass}>
        <MdxContent code={post.body.code} />
      </div>
      <PostFooter slug={post.slug} sourceFilePath={post._raw.sourceFilePath} />
      <section
        id="comments"
        aria-labelledby="comments-heading"
        className="mt-16 border-t border-zinc-200 pt-8 lg:col-start-1 dark:border-zinc-800"
      >
        {/* Cached with the page and invalidated when they change: a reader's view is a static file. */}
        <CommentsSection slug={post.slug} postUrl={post.url} />
      </section>
    </article>
  )
}
