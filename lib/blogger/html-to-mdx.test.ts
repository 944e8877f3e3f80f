import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'
import { parseMdxBody } from '@/lib/mdx/parse'
import { convertPostHtml } from './html-to-mdx'

const local: Record<string, string> = {
  'request-flow.png': '/export/request-flow.png',
  'Diagram (v2).PNG': '/export/Diagram (v2).PNG',
}
const convert = (html: string) => convertPostHtml(html, { slug: 'a-post', findImage: (name) => local[name] })

/**
 * The output as MDX reads it: parsing fails on a stray `{` or `<`, and JavaScript shows up as ESM or
 * expression nodes.
 */
function parse(markdown: string): Root {
  const tree = parseMdxBody(markdown)
  visit(tree, (node) => {
    expect(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression'], markdown).not.toContain(node.type)
  })
  return tree
}

describe('convertPostHtml: text that MDX would read as code', () => {
  it.each([
    ['braces', '<p>Send {"ok": true} or {x}</p>', 'Send {"ok": true} or {x}'],
    [
      'angle brackets',
      '<p>latency &lt; 100 ms and a &lt;Callout&gt; tag, 3 &gt; 2</p>',
      'latency < 100 ms and a <Callout> tag, 3 > 2',
    ],
    ['import at the start of a paragraph', "<p>import os from 'x'</p>", "import os from 'x'"],
    ['export at the start of a paragraph', '<div>export default {}<br /><br />next</div>', 'export default {}'],
  ])('keeps %s as text', (_, html, text) => {
    const tree = parse(convert(html).markdown)
    expect(toString(tree)).toContain(text)
  })

  it('keeps braces and angle brackets in code as they are', () => {
    const { markdown } = convert('<p><code>{a &lt; b}</code></p><pre>if (a &lt; b) { run() }</pre>')
    expect(markdown).toContain('`{a < b}`')
    expect(markdown).toContain('```text\nif (a < b) { run() }\n```')
    parse(markdown)
  })
})

describe('convertPostHtml: structure', () => {
  it('turns Blogger’s <br><br> paragraphs into paragraphs and drops the jump break', () => {
    const { markdown } = convert(
      '<div dir="ltr">One<br />still one<br /><br />Two<br /><a name="more"></a><br />Three<br /></div>',
    )
    expect(markdown).toBe('One\\\nstill one\n\nTwo\n\nThree\n')
  })

  it('keeps the text of a javascript: link but not the link, and reports it', () => {
    const { markdown, findings } = convert(
      '<p>Click <a href=" JavaScript:alert(1)">here</a> or <a href="https://example.com">there</a>.</p>',
    )
    expect(markdown).toBe('Click here or [there](https://example.com).\n')
    expect(findings).toEqual([
      { kind: 'link', message: 'link to a script (JavaScript:alert(1)) removed, its text kept' },
    ])
  })

  it('re-levels headings: the top level becomes ##, none is skipped, and the report says so', () => {
    const { markdown, findings } = convert('<h3>A</h3><p>x</p><h4>B</h4><h3>C</h3><h6>D</h6>')
    expect(markdown.match(/^#+ \w/gm)).toEqual(['## A', '### B', '## C', '### D'])
    expect(findings.some((finding) => finding.kind === 'headings')).toBe(true)
    expect(convert('<h2>A</h2><h3>B</h3>').findings).toEqual([])
    expect(convert('<h1>A</h1><h2>B</h2>').markdown).toBe('## A\n\n### B\n')
    expect(convert('<h2>Two<br />lines</h2>').markdown).toBe('## Two lines\n')
  })

  it('maps simple tables, lists, quotes, links and emphasis to Markdown', () => {
    const { markdown } = convert(
      '<table><tr><th>Code</th><th>Meaning</th></tr><tr><td>404</td><td>Not <i>found</i></td></tr></table>' +
        '<ul><li>one</li><li><b>two</b></li></ul><blockquote>Quote</blockquote>' +
        '<p><a href="https://example.com/x">link</a></p>',
    )
    expect(markdown).toMatch(/^\| Code \| Meaning +\|\n\| -+ \| -+ \|\n\| 404 +\| Not _found_ +\|$/m)
    expect(markdown).toContain('- one\n- **two**')
    expect(markdown).toContain('> Quote')
    expect(markdown).toContain('[link](https://example.com/x)')
    parse(markdown)
  })

  it('takes the summary from the first paragraph with text, shortened at a word', () => {
    expect(convert('<div><br /></div><p> </p><p>First  words\nhere.</p><p>Second.</p>').summary).toBe(
      'First words here.',
    )
    const long = convert(`<p>${'word '.repeat(60)}</p>`).summary ?? ''
    expect(long.length).toBeLessThanOrEqual(200)
    expect(long).toMatch(/word…$/)
    expect(convert('<h2>Only a heading</h2>').summary).toBeUndefined()
  })
})

describe('convertPostHtml: code blocks', () => {
  it.each([
    ['<pre class="brush: js">let a = 1</pre>', 'js', 'named in its class (js)'],
    ['<pre><code class="language-sql">select 1</code></pre>', 'sql', 'named in its class (sql)'],
    ['<pre class="prettyprint lang-python">print(1)</pre>', 'python', 'named in its class (python)'],
    ['<pre>SELECT name FROM menu;</pre>', 'sql', 'guessed from the code'],
    ['<pre>just some words</pre>', 'text', 'no language found'],
  ])('%s → ```%s', (html, lang, why) => {
    const { markdown, findings } = convert(html)
    expect(markdown.startsWith(`\`\`\`${lang}\n`)).toBe(true)
    expect(findings).toContainEqual({ kind: 'code', message: `code block: ${lang}, ${why}` })
  })

  it('keeps the line breaks Blogger wrote as <br> inside <pre>', () => {
    expect(convert('<pre>line 1<br />line 2</pre>').markdown).toBe('```text\nline 1\nline 2\n```\n')
  })
})

describe('convertPostHtml: images', () => {
  it('copies an exported image, unwraps Blogger’s full-size link, takes alt from alt, title or file name', () => {
    const wrapped = (img: string) =>
      `<div class="separator"><a href="https://blogger.googleusercontent.com/img/b/X/s1600/request-flow.png"><img src="https://blogger.googleusercontent.com/img/b/X/s320/request-flow.png" ${img} /></a></div>`
    const withAlt = convert(wrapped('alt="Browser, API, database"'))
    expect(withAlt.markdown).toBe('![Browser, API, database](/images/a-post/request-flow.png)\n')
    expect(withAlt.copies).toEqual([{ from: '/export/request-flow.png', to: '/images/a-post/request-flow.png' }])
    expect(withAlt.findings).toEqual([
      { kind: 'image', message: 'image request-flow.png copied to public/images/a-post/request-flow.png' },
    ])

    expect(convert(wrapped('title="The request path"')).markdown).toBe(
      '![The request path](/images/a-post/request-flow.png)\n',
    )
    const fromName = convert(wrapped('alt=""'))
    expect(fromName.markdown).toBe('![request flow](/images/a-post/request-flow.png)\n')
    expect(fromName.findings[0]?.message).toContain('alt text from its file name')
  })

  it('gives a copied file a name that needs no escaping', () => {
    const { markdown, copies } = convert(
      '<img src="https://1.bp.blogspot.com/-a/b/s1600/Diagram%20(v2).PNG" alt="A diagram" />',
    )
    expect(markdown).toBe('![A diagram](/images/a-post/diagram-v2.png)\n')
    expect(copies).toEqual([{ from: '/export/Diagram (v2).PNG', to: '/images/a-post/diagram-v2.png' }])
  })

  it('keeps an image that is not in the export as a link to its full-size address, and reports it', () => {
    const { markdown, findings, copies } = convert(
      '<p>See <a href="https://blogger.googleusercontent.com/img/b/Y/s1600/gone.jpg"><img src="https://blogger.googleusercontent.com/img/b/Y/s320/gone.jpg" alt="A chart" /></a>.</p>',
    )
    expect(markdown).toBe('See [Image: A chart](https://blogger.googleusercontent.com/img/b/Y/s1600/gone.jpg).\n')
    expect(copies).toEqual([])
    expect(findings[0]?.message).toBe(
      'image gone.jpg is not in the export: kept as a link to https://blogger.googleusercontent.com/img/b/Y/s1600/gone.jpg',
    )
  })

  it('turns a Blogger caption table into a <Figure> with its caption (or a link and the caption)', () => {
    const table = (file: string) =>
      '<table class="tr-caption-container"><tbody><tr><td>' +
      `<a href="https://1.bp.blogspot.com/-a/b/s1600/${file}"><img src="https://1.bp.blogspot.com/-a/b/s400/${file}" /></a>` +
      '</td></tr><tr><td class="tr-caption">The "request" path</td></tr></tbody></table>'
    const found = convert(table('request-flow.png')).markdown
    expect(found).toBe(
      '<Figure src="/images/a-post/request-flow.png" alt="The &#x22;request&#x22; path" ' +
        'caption="The &#x22;request&#x22; path" />\n',
    )
    parse(found)
    expect(convert(table('gone.png')).markdown).toBe(
      '[Image: The "request" path](https://1.bp.blogspot.com/-a/b/s1600/gone.png)\n',
    )
  })
})

describe('convertPostHtml: what Markdown cannot show is kept as a note and reported', () => {
  it.each([
    [
      '<iframe src="https://www.youtube.com/embed/abc123" width="320"></iframe>',
      'an embedded YouTube video',
      'https://www.youtube.com/watch?v=abc123',
    ],
    [
      '<iframe src="//player.vimeo.com/video/42"></iframe>',
      'an embedded Vimeo video',
      'https://player.vimeo.com/video/42',
    ],
    ['<script src="https://gist.github.com/u/1.js"></script>', 'a script', 'https://gist.github.com/u/1.js'],
    ['<form action="/subscribe"><input name="email" /><button>Go</button></form>', 'a form', undefined],
    [
      '<object data="https://example.com/a.swf"><embed src="https://example.com/a.swf" /></object>',
      'an embedded object',
      'https://example.com/a.swf',
    ],
    [
      '<table><tr><td colspan="2">merged</td></tr><tr><td>a</td><td>b</td></tr></table>',
      'a table with merged cells or block content',
      undefined,
    ],
    [
      '<table><tr><td><ul><li>a list</li></ul></td></tr></table>',
      'a table with merged cells or block content',
      undefined,
    ],
    [
      '<img src="data:image/png;base64,iVBORw0KGgo=" alt="inline" />',
      'an image stored in the page itself (no web address)',
      undefined,
    ],
  ])('%s', (html, description, link) => {
    const { markdown, findings } = convert(html)
    const tree = parse(markdown)
    const callouts: string[] = []
    visit(tree, 'mdxJsxFlowElement', (node) => {
      callouts.push(node.name ?? '')
      expect(node.attributes).toContainEqual(expect.objectContaining({ name: 'type', value: 'warning' }))
    })
    expect(callouts).toEqual(['Callout'])
    expect(toString(tree)).toContain(`The old post had ${description} here`)
    // The original element is shown to the author, in an html code block.
    expect(markdown).toContain('```html\n')
    expect(markdown).toContain(`<${/^<(\w+)/.exec(html)?.[1]}`)
    if (link) expect(markdown).toContain(`[Open it](${link})`)
    expect(findings.filter((finding) => finding.kind === 'not-converted')).toHaveLength(1)
    expect(findings.find((finding) => finding.kind === 'not-converted')?.message).toMatch(
      /^not converted: <\w+[^>]*>? \(/,
    )
  })

  it('moves a note out of the paragraph it was in, keeping the text on both sides', () => {
    const { markdown } = convert(
      '<p>Before <b><iframe src="https://example.com/e"></iframe></b> after.</p><p>Next.</p>',
    )
    const tree = parse(markdown)
    expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'mdxJsxFlowElement', 'paragraph'])
    expect(toString(tree.children[0])).toBe('Before after.')
  })

  it('shortens a very long original and says by how much', () => {
    const { markdown } = convert(`<script>${'x'.repeat(3000)}</script>`)
    expect(markdown).toMatch(/… \(\d+ more characters\)/)
  })
})
