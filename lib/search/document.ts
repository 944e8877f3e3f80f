import type { Element, ElementContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { h } from 'hastscript'
import type { Nodes, Root } from 'mdast'
import { listHeadings } from '@/lib/mdx/headings'
import { parseMdxBody } from '@/lib/mdx/parse'

/** The fields of a post that search reads (a structural type, so tests need no Contentlayer build). */
export type SearchablePost = {
  title: string
  summary: string
  tags: readonly string[]
  date: string
  body: { raw: string }
}

// Pagefind ranks a word by the element it sits in (h1 7, h2 6 … paragraphs 1); summary and tags
// say what a post is about in few words, so a match there should outrank one deep in the body.
const SUMMARY_WEIGHT = '3'
const TAGS_WEIGHT = '5'

// JSX attributes whose text a reader sees (a figure's caption, an image's alt text).
const VISIBLE_ATTRIBUTES = new Set(['alt', 'caption', 'title'])

/**
 * The HTML page Pagefind indexes for a post: the title as h1, the summary, the tags, then the body
 * as plain text split at its headings, each heading carrying the id the real page gives it, so a
 * search result can link to the section it matched. Built with hast, so every text is escaped.
 */
export function toSearchHtml(post: SearchablePost): string {
  const tree = parseMdxBody(post.body.raw)
  const ids = new Map(listHeadings(tree).map((heading) => [heading.node, heading.id]))
  const body: Element[] = []
  for (const node of tree.children) {
    if (node.type === 'heading') {
      body.push(h(`h${node.depth}`, { id: ids.get(node) }, textOf(node)))
    } else {
      const text = textOf(node).replace(/\s+/g, ' ').trim()
      if (text) body.push(h('p', text))
    }
  }
  const content: ElementContent[] = [
    h('h1', post.title),
    h('p', { dataPagefindWeight: SUMMARY_WEIGHT }, post.summary),
    ...(post.tags.length > 0 ? [h('p', { dataPagefindWeight: TAGS_WEIGHT }, post.tags.join(', '))] : []),
    ...body,
  ]
  return toHtml(
    h('html', { lang: 'en' }, [
      h('head', h('title', post.title)),
      h('body', h('main', { dataPagefindBody: '', dataPagefindMeta: `date:${post.date.slice(0, 10)}` }, content)),
    ]),
  )
}

/** The text a reader sees in a node: code included, MDX expressions and imports left out. */
function textOf(node: Nodes | Root): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value
    case 'image':
      return node.alt ?? ''
    case 'break':
      return ' '
    case 'mdxjsEsm':
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
    case 'html':
    case 'yaml':
    case 'definition':
      return ''
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const attributes = node.attributes.flatMap((attribute) =>
        attribute.type === 'mdxJsxAttribute' &&
        VISIBLE_ATTRIBUTES.has(attribute.name) &&
        typeof attribute.value === 'string'
          ? [attribute.value]
          : [],
      )
      const children = node.children.map(textOf).join(node.type === 'mdxJsxTextElement' ? '' : ' ')
      return [...attributes, children].join(' ')
    }
    case 'paragraph':
    case 'heading':
    case 'emphasis':
    case 'strong':
    case 'delete':
    case 'link':
    case 'linkReference':
    case 'tableCell':
      return node.children.map(textOf).join('')
    default:
      return 'children' in node ? node.children.map(textOf).join(' ') : ''
  }
}
