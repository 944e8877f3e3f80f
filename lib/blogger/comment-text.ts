import type { Parents } from 'hast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { toWebUrl } from './hast-tools'

const parser = unified().use(rehypeParse, { fragment: true })
const BLOCKS = new Set(['p', 'div', 'blockquote', 'li', 'ul', 'ol', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const SKIPPED = new Set(['script', 'style', 'iframe', 'object', 'embed'])
// What the comment form refuses (lib/comments/text.ts): control characters other than line
// breaks and tabs, and lone surrogates.
const NOT_ALLOWED = /[^\P{Cc}\n\t]|\p{Cs}/gu

/**
 * A Blogger comment (HTML with <b>, <i>, <a> and <br>) as the plain text this site stores and
 * shows: line breaks kept, a link as "text (address)" so the address is not lost.
 */
export function commentHtmlToText(html: string): string {
  let text = ''
  const walk = (parent: Parents) => {
    for (const node of parent.children) {
      if (node.type === 'text') text += node.value.replace(/\s+/g, ' ')
      if (node.type !== 'element' || SKIPPED.has(node.tagName)) continue
      if (node.tagName === 'br') {
        text += '\n'
        continue
      }
      if (BLOCKS.has(node.tagName)) text += '\n\n'
      const before = text.length
      walk(node)
      const raw =
        node.tagName === 'a' && typeof node.properties.href === 'string' ? node.properties.href.trim() : undefined
      // As the commenter wrote it when it is a web address already; `//host/x` gets its https:.
      const href = toWebUrl(raw) && raw?.startsWith('http') ? raw : toWebUrl(raw)
      const label = text.slice(before).trim()
      if (href && label !== href && label.replace(/\/$/, '') !== href.replace(/\/$/, ''))
        text += label ? ` (${href})` : href
      if (BLOCKS.has(node.tagName)) text += '\n\n'
    }
  }
  walk(parser.parse(html))
  return text
    .replace(NOT_ALLOWED, '')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .normalize('NFC')
    .trim()
}
