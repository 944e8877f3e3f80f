import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { visit } from 'unist-util-visit'

// The Markdown a comment may use: the parser of the renderer (./markdown.ts). Never imported by client code.

/**
 * Constructs the parser does not know at all: headings (`# x` and underlined text stay a paragraph),
 * raw HTML (`<b>` stays text, shown as typed), images (`![x](y)` is a `!` and a link), tables, task
 * lists and footnotes (footnotes add ids and headings to the page). Refusing them at the parser means
 * the text shows as written rather than vanishing; rehype-sanitize still guards the output.
 */
const DISABLED = [
  'headingAtx',
  'setextUnderline',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'table',
  'tasklistCheck',
  'gfmFootnoteDefinition',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
  'emailAutolink', // see remarkNoBareEmailLinks
]

function remarkCommentSyntax(this: Processor) {
  const data = this.data()
  data.micromarkExtensions ??= []
  data.micromarkExtensions.push({ disable: { null: DISABLED } })
}

/**
 * `user@host.local` or `react@19.3.1` in a sentence is no address to write to: only `<user@host.local>`
 * links one. GFM links bare addresses while parsing (the construct disabled above) and again after
 * (mdast-util-gfm-autolink-literal's transform, whose nodes have no position).
 */
function remarkNoBareEmailLinks() {
  return (tree: Root) => {
    visit(tree, 'link', (node, index, parent) => {
      if (node.position || !node.url.startsWith('mailto:') || !parent || index === undefined) return
      parent.children.splice(index, 1, ...node.children)
      return index
    })
  }
}

export const commentSyntax = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkCommentSyntax)
  .use(remarkNoBareEmailLinks)
  .freeze()

/**
 * Block quotes and lists nested hundreds deep (`> > > …`) cost the parser seconds and overflow the
 * stack of mdast-util-to-hast; no reader writes more than a few levels. Such a text is shown as
 * text, not as Markdown (lib/comments/markdown.ts), so it has no Markdown links either.
 */
const MAX_NESTING = 16
const CONTAINER_PREFIX = /^[ \t>*+\-\d.)]*/gm
const CONTAINER_MARKER = />|(?:[*+-]|\d{1,9}[.)])(?=[ \t])/g
export const isTooDeeplyNested = (text: string) =>
  text.match(CONTAINER_PREFIX)?.some((prefix) => (prefix.match(CONTAINER_MARKER)?.length ?? 0) > MAX_NESTING) ?? false
