import 'server-only'
import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { LRUCache } from 'lru-cache'
import rehypePrettyCode from 'rehype-pretty-code'
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkRehype from 'remark-rehype'
import { SKIP, visit } from 'unist-util-visit'
import { prettyCode } from '@/lib/mdx/plugins'
import { rehypeCodeTokenClasses } from '@/lib/mdx/rehype-code-html'
import { commentSyntax, isTooDeeplyNested } from './markdown-syntax'
import type { PublicComment, RenderedComment } from './types'

// A comment's Markdown as HTML, on the server only: the page (through its cache), the API's `html`
// field and the form's preview all come from here, so no Markdown code reaches the browser.

/**
 * The allowlist: every element and attribute not named here is removed (script and style with their
 * content, anything else replaced by its text). The code attributes are rehype-pretty-code's, as
 * in posts, and token colours are the classes of app/code-colors.css (or, for the few tokens outside
 * its palettes, a style that sets only the two colour variables).
 */
export const commentSanitizeSchema: SanitizeSchema = {
  strip: ['script', 'style'],
  tagNames: [
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
  ],
  // rehype-pretty-code writes its data attributes under their HTML names (`data-line`), not as hast properties.
  attributes: {
    a: ['href'],
    ol: ['start'],
    figure: ['data-rehype-pretty-code-figure'],
    pre: ['data-language', 'data-theme', ['tabIndex', 0]],
    code: ['data-language', 'data-theme'],
    span: [
      'data-line',
      'data-highlighted-line',
      ['className', /^c[ld]\d{1,3}$/],
      ['style', /^--shiki-light:#[\dA-Fa-f]{6,8};--shiki-dark:#[\dA-Fa-f]{6,8}$/],
    ],
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  clobberPrefix: '',
  clobber: [],
  required: {},
  ancestors: {},
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

/**
 * A mailto: address, or an absolute http(s) one on a dotted host (not GFM's `www` from
 * "the www. prefix", nor localhost).
 */
function isLinkable(href: string): boolean {
  if (!URL.canParse(href)) return false
  const { protocol, hostname } = new URL(href)
  return (
    LINK_PROTOCOLS.has(protocol) &&
    (protocol === 'mailto:' || /^[^.]+(\.[^.]+)+$/.test(hostname) || hostname.startsWith('['))
  )
}
const LINK_REL = ['nofollow', 'ugc', 'noopener']

/**
 * After sanitizing: a link is kept only with an absolute http, https or mailto address (the sanitizer
 * lets relative ones through) and gets `rel="nofollow ugc noopener"`; any other `<a>` becomes its text.
 */
function rehypeCommentLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'a' || !parent || index === undefined) return
      const href = typeof node.properties.href === 'string' ? node.properties.href : ''
      if (!isLinkable(href)) {
        parent.children.splice(index, 1, ...node.children)
        return index
      }
      node.properties = { href, rel: LINK_REL }
      return SKIP
    })
  }
}

function buildRenderer(isHighlighted: boolean) {
  return commentSyntax()
    .use(remarkRehype) // without allowDangerousHtml: raw HTML, were the parser to make any, is dropped
    .use(isHighlighted ? [[rehypePrettyCode, { ...prettyCode, bypassInlineCode: true }], rehypeCodeTokenClasses] : [])
    .use(rehypeSanitize, commentSanitizeSchema)
    .use(rehypeCommentLinks)
    .use(rehypeStringify)
    .freeze()
}

const highlighted = buildRenderer(true)
const plain = buildRenderer(false)

/**
 * The most HTML one comment may produce. Highlighting makes every token a `<span class="cl5 cd6">`,
 * so 5000 characters of dense code can reach ~150 KB; past this cap the code blocks are left
 * unhighlighted (escaped text, about the size of the source).
 */
export const MAX_COMMENT_HTML_CHARS = 60_000

/** The text as one escaped paragraph: what a reader sees if the Markdown path fails. */
const asPlainParagraph = (text: string) =>
  toHtml({ type: 'element', tagName: 'p', properties: {}, children: [{ type: 'text', value: text }] } satisfies Element)

// Bodies are immutable once stored (an edit is a new body), so the HTML is kept by text: a post's
// cache entry rebuilt after one new comment re-renders only that one. Bounded by total size.
const rendered = new LRUCache<string, string>({
  maxSize: 16 * 1024 * 1024,
  sizeCalculation: (html, body) => html.length + body.length,
})

/** Sanitized HTML for a comment's Markdown body (already validated and length-limited). Never throws. */
export async function renderCommentMarkdown(body: string): Promise<string> {
  const cached = rendered.get(body)
  if (cached !== undefined) return cached
  let html: string
  try {
    html = isTooDeeplyNested(body) ? asPlainParagraph(body) : String(await highlighted.process(body))
    if (html.length > MAX_COMMENT_HTML_CHARS) html = String(await plain.process(body))
    if (html.length > MAX_COMMENT_HTML_CHARS) html = asPlainParagraph(body)
  } catch (error) {
    console.error('[comments] could not render a comment as Markdown; showing it as text:', error)
    html = asPlainParagraph(body)
  }
  rendered.set(body, html)
  return html
}

/** The comment as the page, the API and the form show it: its source `body` and the `html` rendered from it. */
export async function renderComment(comment: PublicComment): Promise<RenderedComment> {
  return { ...comment, html: comment.body === null ? null : await renderCommentMarkdown(comment.body) }
}
