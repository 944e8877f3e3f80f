import { describe, expect, it } from 'vitest'
import { extractToc } from '@/lib/mdx/toc'
import { toSearchHtml } from './document'

const body = `import { Something } from './x'

Intro with **bold** words and a [link text](/blog/x).

## Idempotency keys

Retries need an \`Idempotency-Key\` header; 2 < 3 && "quotes".

<Figure src="/images/diagram.png" alt="Sequence diagram of a retry" caption="A retried POST" />

\`\`\`ts
const outboxRelay = true
\`\`\`

{1 + 1}

### Storing keys

<Callout type="warning">Keys expire after <em>24 hours</em>.</Callout>

## Idempotency keys
`

const post = {
  title: 'Retries & <safety>',
  summary: 'Why retries need keys.',
  tags: ['api', 'café'],
  date: '2026-01-02T00:00:00.000Z',
  body: { raw: body },
}

describe('toSearchHtml', () => {
  const html = toSearchHtml(post)

  it('indexes only the post body region, with title, summary and tags first', () => {
    expect(html).toMatch(
      new RegExp(
        /^<html lang="en"><head><title>Retries &#x26; &#x3C;safety><\/title><\/head>/.source +
          /<body><main data-pagefind-body="" data-pagefind-meta="date:2026-01-02">/.source,
      ),
    )
    expect(html).toContain(
      '<h1>Retries &#x26; &#x3C;safety></h1><p data-pagefind-weight="3">Why retries need keys.</p>',
    )
    expect(html).toContain('<p data-pagefind-weight="5">api, café</p>')
  })

  it('gives each heading the id of the rendered page (same slugger as the table of contents)', () => {
    const ids = [...html.matchAll(/<h[2-6] id="([^"]+)"/g)].map((match) => match[1])
    expect(ids).toEqual(['idempotency-keys', 'storing-keys', 'idempotency-keys-1'])
    expect(extractToc(body).map((entry) => entry.id)).toEqual(ids)
  })

  it('keeps body text, inline code, code blocks, captions, alt text and component children, escaped', () => {
    expect(html).toContain('<p>Intro with bold words and a link text.</p>')
    expect(html).toContain('Retries need an Idempotency-Key header; 2 &#x3C; 3 &#x26;&#x26; "quotes".')
    expect(html).toContain('<p>const outboxRelay = true</p>')
    expect(html).toContain('<p>Sequence diagram of a retry A retried POST</p>')
    expect(html).toContain('Keys expire after 24 hours.')
  })

  it('leaves out MDX imports and expressions', () => {
    expect(html).not.toContain('Something')
    expect(html).not.toContain('1 + 1')
  })
})
