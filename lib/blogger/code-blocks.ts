import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { inferCodeLanguage } from './code-language'
import { classNames, element, listElements, type Finding } from './hast-tools'

/**
 * Gives every `<pre>` a `<code class="language-…">`, the shape rehype-remark turns into a fenced
 * block with that language (lint:content requires one on every fence).
 */
export function labelCodeBlocks(tree: Root): Finding[] {
  const findings: Finding[] = []
  for (const { node: pre } of listElements(tree)) {
    if (pre.tagName !== 'pre') continue
    // Blogger's editor puts <br> in <pre>; as text they are the line breaks they mean.
    for (const { node: br, ancestors } of listElements({ type: 'root', children: [pre] })) {
      const parent = ancestors[ancestors.length - 1]
      if (br.tagName === 'br' && parent)
        parent.children.splice(parent.children.indexOf(br), 1, { type: 'text', value: '\n' })
    }
    const elements = pre.children.filter((child): child is Element => child.type === 'element')
    const code = elements.length === 1 && elements[0]?.tagName === 'code' ? elements[0] : undefined
    const found = inferCodeLanguage([...classNames(pre), ...(code ? classNames(code) : [])], toString(pre))
    const className = [`language-${found.lang}`]
    if (code) code.properties.className = className
    else pre.children = [element('code', { className }, pre.children)]
    const why =
      found.source === 'class'
        ? `named in its class (${found.hint})`
        : found.source === 'content'
          ? 'guessed from the code'
          : 'no language found'
    const unknown =
      found.hint && found.source !== 'class' ? ` (class "${found.hint}" is not a language Shiki knows)` : ''
    findings.push({ kind: 'code', message: `code block: ${found.lang}, ${why}${unknown}` })
  }
  return findings
}
