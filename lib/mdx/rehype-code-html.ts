import type { Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { SKIP, visit } from 'unist-util-visit'

/**
 * A highlighted code block is hundreds of token spans. As React elements, each would be created on
 * the server for every request that renders the post, sent a second time in the page's RSC payload
 * and walked by hydration in the browser, though none of them ever changes. This serializes each
 * block's `<code>` (already highlighted by rehype-pretty-code) to one HTML string at build time;
 * components/mdx/code-block.tsx makes it the `<pre>`'s inner HTML. The string is hast-util-to-html's
 * output of the author's code as text tokens, so everything in it is escaped.
 */
export function rehypeCodeHtml() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return
      const [code, ...rest] = node.children
      if (rest.length > 0 || code?.type !== 'element' || code.tagName !== 'code') return
      node.properties.codeHtml = toHtml(code)
      node.children = []
      return SKIP
    })
  }
}
