import path from 'node:path'
import { getMDXComponent } from 'next-contentlayer2/hooks'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, describe, expect, it } from 'vitest'
import { mdxComponents } from '@/components/mdx-content'
import { parseToc } from '@/lib/mdx/toc'
import { buildContent as buildContentDir, type ContentBuild } from './build-content'

const fixtures = path.join(import.meta.dirname, 'fixtures/content')
const builds: ContentBuild[] = []

function buildContent(fixture: string) {
  const build = buildContentDir(path.join(fixtures, fixture))
  builds.push(build)
  return build
}

afterAll(() => {
  for (const build of builds) build.cleanUp()
})

describe('front matter validation fails the build and names the file and the field', () => {
  it.each([
    ['missing-title', 'posts/no-title.mdx', 'title'],
    ['unknown-field', 'posts/extra-field.mdx', 'author'],
    ['bad-date', 'posts/bad-date.mdx', 'date'],
    ['bad-tags', 'posts/bad-tags.mdx', 'tags'],
  ])('%s', (fixture, file, field) => {
    const { status, output } = buildContent(fixture)
    expect(status).not.toBe(0)
    expect(output).toContain(`"${file}"`)
    expect(output).toMatch(new RegExp(`• ${field}:`))
  })
})

describe('a valid post', () => {
  const build = buildContent('valid')

  it('builds, with the computed fields', () => {
    expect(build.status, build.output).toBe(0)
    const [post] = build.readDocuments() as Array<Record<string, unknown>>
    expect(post).toMatchObject({
      title: 'Tricky headings',
      slug: 'tricky-headings',
      url: '/blog/tricky-headings',
      tags: ['café', 'api'],
      draft: false,
      readingTime: 1,
    })
  })

  it('has a table of contents whose ids are exactly the ids of the rendered h2 and h3 headings', () => {
    const [post] = build.readDocuments() as Array<{ toc: unknown; body: { code: string } }>
    if (!post) throw new Error('no document generated')
    const toc = parseToc(post.toc)
    expect(toc).toEqual([
      { depth: 2, text: 'Overview', id: 'overview' },
      { depth: 3, text: 'Setup', id: 'setup' },
      { depth: 2, text: 'Using Idempotency-Key with care', id: 'using-idempotency-key-with-care' },
      { depth: 3, text: 'Setup', id: 'setup-1' },
      { depth: 2, text: 'Overview', id: 'overview-1' },
      // The page's own comments section owns `#comments`.
      { depth: 2, text: 'Comments', id: 'comments-1' },
      { depth: 2, text: 'Café & crème: naïve Unicode', id: 'café--crème-naïve-unicode' },
      { depth: 3, text: 'Step 1: 2 > 1?', id: 'step-1-2--1' },
    ])

    const html = renderToStaticMarkup(getMDXComponent(post.body.code)({ components: mdxComponents }))
    const renderedIds = [...html.matchAll(/<h[23] id="([^"]+)"/g)].map((match) => match[1])
    expect(renderedIds).toEqual(toc.map((entry) => entry.id))
    // Each heading links to itself, and code is highlighted at build time.
    expect(html).toMatch(
      /<h2 id="overview"><a (href="#overview" class="heading-anchor"|class="heading-anchor" href="#overview")>/,
    )
    expect(html).toMatch(/<pre[^>]*data-language="ts"/)
    expect(html).toMatch(/<span class="cl\d+ cd\d+">/)
  })
})

describe('code block options from the meta string', () => {
  const build = buildContent('code-blocks')

  it('renders a title, the language, highlighted lines, line numbers, and the MDX components', () => {
    expect(build.status, build.output).toBe(0)
    const [post] = build.readDocuments() as Array<{ body: { code: string } }>
    if (!post) throw new Error('no document generated')
    const html = renderToStaticMarkup(getMDXComponent(post.body.code)({ components: mdxComponents }))

    expect(html).toMatch(
      /<figcaption data-rehype-pretty-code-title="" data-language="ts"[^>]*>lib\/db\.ts<\/figcaption>/,
    )
    expect(html).toMatch(/<code data-line-numbers="" data-language="ts"/)
    const lines = [...html.matchAll(/<span data-line=""( data-highlighted-line="")?>/g)].map((match) =>
      Boolean(match[1]),
    )
    expect(lines).toEqual([true, false, true, true, false, false])
    // The language label is server HTML; the copy button renders only in a browser.
    expect(html).toContain('<span class="sr-only">Language: </span>ts</span>')
    expect(html).toContain('<span class="sr-only">Language: </span>sql</span>')
    expect(html).not.toContain('<button')
    // Highlighted code arrives as build-time HTML (lib/mdx/rehype-code-html.ts): the author's code
    // is text in it, so markup in a code block cannot close the block or run.
    expect(html).toContain('>&#x3C;</span><span class="cl9 cd9">script</span>')
    expect(html).not.toMatch(/<script/)
    expect(html.match(/<\/pre>/g)).toHaveLength(3)
    expect(html).toMatch(
      /<div role="note"[^>]*><p[^>]*>Warning<\/p><div[^>]*>Mind the <strong>gap<\/strong>.<\/div><\/div>/,
    )
  })
})
