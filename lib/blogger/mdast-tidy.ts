import type { BlockContent, DefinitionContent, Heading, Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import type { Finding } from './hast-tools'

const SUMMARY_MAX = 200

const isBlank = (node: PhrasingContent | undefined) =>
  node?.type === 'break' || (node?.type === 'text' && node.value.trim() === '')

/**
 * Blogger's editor writes paragraphs as `text<br><br>text` inside one `<div>`: two or more line
 * breaks in a row end a paragraph. Breaks at either end of a paragraph mean nothing.
 */
function splitParagraph(paragraph: Paragraph): Paragraph[] {
  const parts: PhrasingContent[][] = [[]]
  const children = paragraph.children
  for (let index = 0; index < children.length; index++) {
    const child = children[index]
    if (!child) continue
    if (child.type === 'break') {
      let end = index
      while (end + 1 < children.length && isBlank(children[end + 1])) end++
      const breaks = children.slice(index, end + 1).filter((node) => node.type === 'break').length
      if (breaks >= 2) {
        parts.push([])
        index = end
        continue
      }
    }
    parts[parts.length - 1]?.push(child)
  }
  return parts
    .map((part) => {
      while (part[0] && isBlank(part[0])) part.shift()
      while (part.length > 0 && isBlank(part[part.length - 1])) part.pop()
      return { type: 'paragraph' as const, children: part }
    })
    .filter((part) => part.children.some((child) => !(child.type === 'text' && child.value.trim() === '')))
}

function tidyInside(node: RootContent) {
  if (node.type === 'blockquote' || node.type === 'listItem' || node.type === 'mdxJsxFlowElement')
    node.children = tidyFlow(node.children)
  else if (node.type === 'list') node.children.forEach(tidyInside)
}

function tidyFlow(children: Array<BlockContent | DefinitionContent>): Array<BlockContent | DefinitionContent> {
  return children.flatMap((child): Array<BlockContent | DefinitionContent> => {
    if (child.type === 'paragraph') return splitParagraph(child)
    tidyInside(child)
    return [child]
  })
}

const toDepth = (value: number): Heading['depth'] =>
  value <= 2 ? 2 : value === 3 ? 3 : value === 4 ? 4 : value === 5 ? 5 : 6

/**
 * The body's top heading level becomes `##` (the title is the page's h1), the others keep their
 * place below it, and no level is skipped: Blogger's editor writes h3/h4, some posts h1.
 */
function relevelHeadings(tree: Root): boolean {
  const headings: Heading[] = []
  visit(tree, 'heading', (heading: Heading) => void headings.push(heading))
  const shift = Math.min(...headings.map((heading) => heading.depth)) - 2
  let previous = 1
  let isChanged = false
  for (const heading of headings) {
    const depth = Math.min(Math.max(heading.depth - shift, 2), previous + 1, 6)
    if (depth !== heading.depth) isChanged = true
    heading.depth = toDepth(depth)
    previous = depth
  }
  return isChanged
}

function findSummary(tree: Root): string | undefined {
  for (const node of tree.children) {
    if (node.type !== 'paragraph') continue
    const text = toString(node).replace(/\s+/g, ' ').trim()
    if (text === '') continue
    if (text.length <= SUMMARY_MAX) return text
    const cut = text.slice(0, SUMMARY_MAX - 1)
    return `${cut.slice(0, cut.lastIndexOf(' ') > 0 ? cut.lastIndexOf(' ') : cut.length)}…`
  }
  return undefined
}

/** Turns rehype-remark's literal output into the site's conventions; returns the summary. */
export function tidyMarkdown(tree: Root): { summary: string | undefined; findings: Finding[] } {
  tree.children = tree.children.flatMap((child): RootContent[] => {
    if (child.type === 'paragraph') return splitParagraph(child)
    tidyInside(child)
    return [child]
  })
  const findings: Finding[] = []
  tree.children = tree.children.filter((node) => !(node.type === 'heading' && toString(node).trim() === ''))
  // A line break cannot be written in a `##` heading (Markdown would switch to an underlined one).
  visit(tree, 'heading', (heading: Heading) => {
    heading.children = heading.children.map((child) => (child.type === 'break' ? { type: 'text', value: ' ' } : child))
  })
  if (relevelHeadings(tree))
    findings.push({ kind: 'headings', message: 'headings re-levelled: the first is ## and none is skipped' })
  visit(tree, 'code', (code) => {
    code.lang ??= 'text'
  })
  return { summary: findSummary(tree), findings }
}
