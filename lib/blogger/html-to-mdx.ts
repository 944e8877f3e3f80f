import type { Element, Root as HastRoot } from 'hast'
import type { Root } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import rehypeParse from 'rehype-parse'
import rehypeRemark, { type Options as RehypeRemarkOptions } from 'rehype-remark'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkStringify from 'remark-stringify'
import { unified, type Processor } from 'unified'
import { labelCodeBlocks } from './code-blocks'
import { listElements, replaceNode, stringProperty, type Finding } from './hast-tools'
import { FIGURE_TAG, rewriteImages, type FindImage, type ImageCopy } from './images'
import { tidyMarkdown } from './mdast-tidy'
import { NOTE_TAG, replaceUnconvertible } from './unconvertible'

export type ConvertedBody = { markdown: string; summary: string | undefined; findings: Finding[]; copies: ImageCopy[] }

const attribute = (name: string, value: string): MdxJsxAttribute => ({ type: 'mdxJsxAttribute', name, value })

const handlers: NonNullable<RehypeRemarkOptions['handlers']> = {
  [NOTE_TAG]: (_state, node: Element): MdxJsxFlowElement => {
    const description = stringProperty(node, 'description') ?? 'an element'
    const link = stringProperty(node, 'link')
    return {
      type: 'mdxJsxFlowElement',
      name: 'Callout',
      attributes: [attribute('type', 'warning'), attribute('title', 'Not converted from Blogger')],
      children: [
        {
          type: 'paragraph',
          children: [
            { type: 'text', value: `The old post had ${description} here, which Markdown cannot show. ` },
            ...(link
              ? [
                  { type: 'link' as const, url: link, children: [{ type: 'text' as const, value: 'Open it' }] },
                  { type: 'text' as const, value: '. ' },
                ]
              : []),
            { type: 'text', value: 'Its HTML is below: rebuild it, or delete this note.' },
          ],
        },
        { type: 'code', lang: 'html', meta: null, value: stringProperty(node, 'original') ?? '' },
      ],
    }
  },
  [FIGURE_TAG]: (_state, node: Element): MdxJsxFlowElement => ({
    type: 'mdxJsxFlowElement',
    name: 'Figure',
    attributes: (['src', 'alt', 'caption'] as const).flatMap((name) => {
      const value = stringProperty(node, name)
      return value ? [attribute(name, value)] : []
    }),
    children: [],
  }),
}

/**
 * MDX reads a paragraph starting with `import ` or `export ` as JavaScript. Writing its first letter
 * as a character reference (`&#x69;mport`) keeps it text; remark-mdx already escapes `{` and `<`.
 */
function remarkEscapeEsm(this: Processor) {
  const data = this.data()
  data.toMarkdownExtensions ??= []
  data.toMarkdownExtensions.push({
    unsafe: [
      { atBreak: true, character: 'i', after: 'mport\\s' },
      { atBreak: true, character: 'e', after: 'xport\\s' },
    ],
  })
}

/**
 * An `<a>` without href (Blogger's `<a name="more">` jump break) is no link, and a `javascript:`
 * one would run code on this site: keep only their text (the second is reported).
 */
function unwrapNonLinks(tree: HastRoot): Finding[] {
  const findings: Finding[] = []
  for (const { node, ancestors } of listElements(tree)) {
    const parent = ancestors[ancestors.length - 1]
    const href = stringProperty(node, 'href')
    const isScript = href?.replace(/\s/g, '').toLowerCase().startsWith('javascript:') ?? false
    if (node.tagName !== 'a' || !parent || (href && !isScript)) continue
    if (isScript)
      findings.push({ kind: 'link', message: `link to a script (${href?.slice(0, 60)}) removed, its text kept` })
    replaceNode(parent, node, node.children)
  }
  return findings
}

const htmlParser = unified().use(rehypeParse, { fragment: true })
const toMarkdown = unified().use(rehypeRemark, { handlers })
const mdxWriter = unified()
  .use(remarkGfm)
  .use(remarkMdx)
  .use(remarkEscapeEsm)
  .use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-', listItemIndent: 'one' })

/**
 * A Blogger post's HTML as an MDX body in the site's conventions, with what could not be
 * converted kept as notes, the images to copy, and a summary from the first paragraph.
 */
export function convertPostHtml(html: string, options: { slug: string; findImage: FindImage }): ConvertedBody {
  const hast = htmlParser.parse(html)
  const links = unwrapNonLinks(hast)
  // Notes first: an image without a web address becomes one before the images are rewritten.
  const notes = replaceUnconvertible(hast)
  const images = rewriteImages(hast, options)
  const findings = [...links, ...notes, ...images.findings, ...labelCodeBlocks(hast)]
  const mdast: Root = toMarkdown.runSync(hast)
  const tidied = tidyMarkdown(mdast)
  return {
    markdown: mdxWriter.stringify(mdast),
    summary: tidied.summary,
    findings: [...findings, ...tidied.findings],
    copies: images.copies,
  }
}
