import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { SKIP, visit } from 'unist-util-visit'
import { loadCodePalettes, tokenClasses, type CodePalettes } from './code-colors'

/**
 * A highlighted code block is hundreds of token spans. As React elements, each would be created on
 * the server for every request that renders the post, sent a second time in the page's RSC payload
 * and walked by hydration in the browser, though none of them ever changes. This serializes each
 * block's `<code>` (already highlighted by rehype-pretty-code) to one HTML string at build time;
 * components/mdx/code-block.tsx makes it the `<pre>`'s inner HTML. The string is hast-util-to-html's
 * output of the author's code as text tokens, so everything in it is escaped.
 *
 * Each token's two colours become two short classes (app/code-colors.css) instead of a 50-character
 * inline style: a third of a code-heavy page's bytes, sent twice (HTML and RSC payload).
 */
export function rehypeCodeHtml() {
  return async (tree: Root) => {
    const palettes = await loadCodePalettes()
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'pre') return
      const [code, ...rest] = node.children
      if (rest.length > 0 || code?.type !== 'element' || code.tagName !== 'code') return
      replaceTokenStyles(code, palettes)
      node.properties.codeHtml = toHtml(code)
      node.children = []
      return SKIP
    })
  }
}

/**
 * Only the token colours as classes, the code left as elements: for comments (lib/comments/markdown.ts),
 * whose HTML is serialized whole after rehype-sanitize has checked every element.
 */
export function rehypeCodeTokenClasses() {
  return async (tree: Root) => {
    const palettes = await loadCodePalettes()
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'code') return
      replaceTokenStyles(node, palettes)
      return SKIP
    })
  }
}

function replaceTokenStyles(code: Element, palettes: CodePalettes) {
  visit(code, 'element', (token) => {
    const { style } = token.properties
    const classes = typeof style === 'string' && token.tagName === 'span' ? tokenClasses(style, palettes) : undefined
    if (!classes) return
    delete token.properties.style
    token.properties.className = classes.split(' ')
  })
}
