import type { Element, ElementContent, Properties, Root } from 'hast'
import type { Nodes as MdastNodes } from 'mdast'
import type { State } from 'mdast-util-to-hast'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

type MdxJsxElement = Extract<MdastNodes, { type: 'mdxJsxFlowElement' | 'mdxJsxTextElement' }>

/** The attributes written as literal strings (or bare, as `true`); expressions and event handlers are dropped. */
function literalAttributes(node: MdxJsxElement): Properties {
  const properties: Properties = {}
  for (const attribute of node.attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || /^on/i.test(attribute.name)) continue
    if (attribute.value === null || attribute.value === undefined) properties[attribute.name] = true
    else if (typeof attribute.value === 'string') properties[attribute.name] = attribute.value
  }
  return properties
}

/**
 * Feed readers get plain HTML: an MDX element written in lower case (`<kbd>`, `<br />`) stays that
 * element; a component (`<Callout>`) gives way to its children, so its text is never lost, and one
 * with a literal `src` (an image component) becomes an `<img>` with its `alt` before them.
 */
function mdxJsxElement(state: State, node: MdxJsxElement): ElementContent[] | ElementContent {
  const children = state.all(node)
  const properties = literalAttributes(node)
  if (node.name && /^[a-z][a-z0-9-]*$/.test(node.name))
    return { type: 'element', tagName: node.name, properties, children }
  const { src, alt } = properties
  if (typeof src !== 'string') return children
  const image: Element = {
    type: 'element',
    tagName: 'img',
    properties: { src, alt: typeof alt === 'string' ? alt : '' },
    children: [],
  }
  return [image, ...children]
}

const dropNode = () => undefined

/** Feed readers resolve relative links against the feed, not the post: make every link and image absolute. */
function makeUrlsAbsolute(tree: Root, baseUrl: string) {
  visit(tree, 'element', (node: Element) => {
    for (const name of ['href', 'src'] as const) {
      const value = node.properties[name]
      if (typeof value === 'string') node.properties[name] = new URL(value, baseUrl).href
    }
  })
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMdx)
  .use(remarkRehype, {
    handlers: {
      mdxJsxFlowElement: mdxJsxElement,
      mdxJsxTextElement: mdxJsxElement,
      mdxjsEsm: dropNode,
      mdxFlowExpression: dropNode,
      mdxTextExpression: dropNode,
    },
  })
  .use(rehypeStringify)

/**
 * The HTML of a post body for feeds, from its MDX source. The site renders posts with React, but
 * React cannot render to a string inside a route handler (react-dom/server is not available in
 * the server-components layer), so feeds go through remark/rehype instead: the same Markdown
 * parser and GFM extension as the site, without the highlighting classes feed readers drop anyway.
 */
export function renderFeedHtml(mdx: string, postUrl: string): string {
  const tree = processor.runSync(processor.parse(mdx))
  makeUrlsAbsolute(tree, postUrl)
  return processor.stringify(tree)
}
