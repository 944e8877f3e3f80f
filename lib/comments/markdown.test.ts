import type { Element } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { xss } from '@/e2e/support/xss-corpus'
import { hasLink } from './links'
import { MAX_COMMENT_HTML_CHARS, renderComment, renderCommentMarkdown } from './markdown'

const htmlParser = unified().use(rehypeParse, { fragment: true })

/** Every element of the output with its attributes, as a browser would parse it. */
function elementsOf(html: string): Element[] {
  const elements: Element[] = []
  visit(htmlParser.parse(html), 'element', (node) => void elements.push(node))
  return elements
}

const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'em',
  'strong',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'hr',
  'figure',
  'span',
])
const EVENT_OR_SCRIPT = /^on|^(src|srcdoc|formaction|action|xlink:href)$/i

/** What must hold for any input: only allowlisted elements, no handlers, only safe absolute links with the rel. */
function expectSafe(html: string) {
  for (const element of elementsOf(html)) {
    expect(ALLOWED_TAGS, element.tagName).toContain(element.tagName)
    for (const name of Object.keys(element.properties)) expect(name).not.toMatch(EVENT_OR_SCRIPT)
    if (element.tagName === 'a') {
      expect(String(element.properties.href)).toMatch(/^(https?:\/\/[^/.]|mailto:)/i)
      expect(element.properties.rel).toEqual(['nofollow', 'ugc', 'noopener'])
    }
  }
  expect(html).not.toMatch(/<(script|style|img|iframe|svg|math|table|input|h[1-6])\b/i)
}

const linksOf = (html: string) => elementsOf(html).filter((element) => element.tagName === 'a')

describe('renderCommentMarkdown renders the Markdown readers write', () => {
  it('renders paragraphs, emphasis, inline code, lists, block quotes and links', async () => {
    const html = await renderCommentMarkdown(
      'Hello *you* and **all**, `npm ci`, ~~old~~.\nSecond line\n\n> quoted\n\n' +
        '- one\n- two\n\n3. three\n4. four\n\n[docs](https://example.com/a?b=1&c=2)',
    )
    expect(html).toBe(
      [
        '<p>Hello <em>you</em> and <strong>all</strong>, <code>npm ci</code>, <del>old</del>.\nSecond line</p>',
        '<blockquote>\n<p>quoted</p>\n</blockquote>',
        '<ul>\n<li>one</li>\n<li>two</li>\n</ul>',
        '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>',
        '<p><a href="https://example.com/a?b=1&#x26;c=2" rel="nofollow ugc noopener">docs</a></p>',
      ].join('\n'),
    )
  })

  it('highlights fenced code like posts: pretty-code attributes, colour classes of app/code-colors.css', async () => {
    const html = await renderCommentMarkdown('```ts\nconst answer = 42 // why\n```')
    expect(html).toMatch(
      new RegExp(
        '^<figure data-rehype-pretty-code-figure=""><pre tabindex="0" data-language="ts" ' +
          'data-theme="github-light-high-contrast github-dark-default"><code data-language="ts"',
      ),
    )
    expect(html).toContain('<span data-line="">')
    expect(html).toMatch(/<span class="cl\d+ cd\d+">const<\/span>/)
    expect(html).not.toContain('style=')
    expectSafe(html)
  })

  it('shows an unknown language, or none, as plain code', async () => {
    for (const fence of ['```no-such-language', '```']) {
      const html = await renderCommentMarkdown(`${fence}\n<b>x</b> & y\n\`\`\``)
      expect(html).toContain('&#x3C;b>x&#x3C;/b> &#x26; y')
      expectSafe(html)
    }
  })

  it('keeps heading syntax as a paragraph of text', async () => {
    expect(await renderCommentMarkdown('# Title\n\nUnderlined\n===\n\n## Two')).toBe(
      '<p># Title</p>\n<p>Underlined\n===</p>\n<p>## Two</p>',
    )
  })

  it('shows raw HTML as the text that was typed', async () => {
    expect(await renderCommentMarkdown('<b>bold</b>\n\n<div>\nblock\n</div>')).toBe(
      '<p>&#x3C;b>bold&#x3C;/b></p>\n<p>&#x3C;div>\nblock\n&#x3C;/div></p>',
    )
  })
})

describe('renderCommentMarkdown lets nothing dangerous through', () => {
  it.each(xss.map((payload) => [payload]))('the XSS corpus: %s', async (payload) => {
    const html = await renderCommentMarkdown(payload)
    expectSafe(html)
    expect(linksOf(html)).toEqual([])
  })

  it.each([
    ['a javascript: link', '[x](javascript:alert(1))'],
    ['a mixed-case scheme', '[x](JaVaScRiPt:alert(1))'],
    ['an entity-encoded scheme', '[x](&#106;avascript:alert(1))'],
    ['a hex-entity scheme with a named colon', '[x](&#x6A;avascript&colon;alert(1))'],
    ['a scheme split by an escaped tab', '[x](java\tscript:alert(1))'],
    ['a percent-encoded scheme', '[x](%6Aavascript:alert(1))'],
    ['a vbscript: link', '[x](vbscript:msgbox(1))'],
    ['a data: URL', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['a javascript: autolink', '<javascript:alert(1)>'],
    ['a data: autolink', '<data:text/html,<script>alert(1)</script>>'],
    ['a javascript: reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
    ['an entity-encoded reference definition', '[r]\n\n[r]: &#106;avascript:alert(1) "t"'],
    ['a relative link', '[admin](/admin) [up](../x) [frag](#comment-1)'],
    ['a protocol-relative link', '[x](//evil.example/)'],
    ['a file: link', '[x](file:///etc/passwd)'],
    ['an image', '![x](https://example.com/a.png)'],
    ['an image with a javascript: source', '![x](javascript:alert(1))'],
    ['an inline HTML image', 'see <img src=x onerror=alert(1)> here'],
    ['an HTML block', '<script>\nalert(1)\n</script>'],
    ['an HTML comment hiding markup', '<!-- --><img src=x onerror=alert(1)>'],
    ['a link with an HTML title', '[x](https://example.com "<img src=x onerror=alert(1)>")'],
    ['a link whose text is HTML', '[<img src=x onerror=alert(1)>](https://example.com)'],
    ['attributes in a code fence info string', '```js" onmouseover="alert(1)\nx\n```'],
    ['a footnote', 'x[^1]\n\n[^1]: <script>alert(1)</script>'],
    ['a table', '| <script>alert(1)</script> |\n| - |\n| x |'],
    ['a task list', '- [x] <input onfocus=alert(1) autofocus>'],
    ['nested emphasis and links', '**[_x_](javascript:alert(1))**'],
  ])('%s: %j', async (_, markdown) => {
    const html = await renderCommentMarkdown(markdown)
    expectSafe(html)
    const hrefs = linksOf(html).map((link) => String(link.properties.href))
    expect(hrefs.filter((href) => !href.startsWith('https://example.com'))).toEqual([])
  })

  it('gives links rel="nofollow ugc noopener" and keeps http, https and mailto only', async () => {
    const html = await renderCommentMarkdown(
      '[a](http://a.example) <https://b.example/x> https://c.example/y <ada@example.com> [m](mailto:bob@example.com) [f](ftp://d.example)',
    )
    expect(linksOf(html).map((link) => link.properties.href)).toEqual([
      'http://a.example',
      'https://b.example/x',
      'https://c.example/y',
      'mailto:ada@example.com',
      'mailto:bob@example.com',
    ])
    expectSafe(html)
  })

  it('does not turn package versions or www. alone into links', async () => {
    expect(linksOf(await renderCommentMarkdown('react@19.3.1 and user@host.local and the www. prefix'))).toEqual([])
  })

  it('renders a block quote nested past 16 levels as text instead of overflowing the stack', async () => {
    const html = await renderCommentMarkdown(`${'> '.repeat(2400)}[x](https://evil.example)`)
    expect(html.startsWith('<p>&#x3C; &#x3C;') || html.startsWith('<p>> > ')).toBe(true)
    expect(linksOf(html)).toEqual([])
  })

  it(`caps the HTML at ${MAX_COMMENT_HTML_CHARS} characters by leaving dense code unhighlighted`, async () => {
    // Short lines: Shiki stops tokenizing a long line after 500 ms, which a loaded machine reaches.
    const dense = '```js\n' + 'x=1;\n'.repeat(990) + '```'
    const html = await renderCommentMarkdown(dense)
    expect(html.length).toBeLessThanOrEqual(MAX_COMMENT_HTML_CHARS)
    expect(html).toMatch(/^<pre><code>x=1;\nx=1;\n/)
  })
})

describe('moderation sees every link the renderer makes', () => {
  it.each([
    '[x](https://evil.example)',
    '[x][r]\n\n[r]: h&#116;tps://evil&#46;com',
    '[r]\n\n> [r]: https://evil.example',
    '<https://evil.example>',
    '<ada@localhost>',
    'https://evil.example',
    'www.evil.example',
    '[x](mailto:ada@localhost)',
    '- [x](https://EVIL.EXAMPLE)',
  ])('%j', async (markdown) => {
    expect(linksOf(await renderCommentMarkdown(markdown)).length).toBeGreaterThan(0)
    expect(hasLink(markdown)).toBe(true)
  })
})

describe('renderComment', () => {
  const base = {
    id: 1,
    parentId: null,
    name: 'Ada',
    createdAt: '2026-01-01T00:00:00.000Z',
    editedAt: null,
    status: 'published' as const,
  }

  it('adds the rendered html beside the source body', async () => {
    expect(await renderComment({ ...base, body: '*hi*' })).toEqual({
      ...base,
      body: '*hi*',
      html: '<p><em>hi</em></p>',
    })
  })

  it('has no html for a deleted comment', async () => {
    expect(await renderComment({ ...base, name: null, body: null, status: 'deleted' })).toEqual({
      ...base,
      name: null,
      body: null,
      status: 'deleted',
      html: null,
    })
  })
})
