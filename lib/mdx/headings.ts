import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { createHeadingSlugger } from './heading-ids'

export type HeadingInfo = { node: Heading; depth: Heading['depth']; text: string; id: string }

/**
 * Every heading of a parsed post in document order, with the id the rendered page gives it.
 * All levels go through the slugger, because the rehype plugin that writes the ids does the same:
 * skipping one would shift the `-1` suffixes of duplicates.
 */
export function listHeadings(tree: Root): HeadingInfo[] {
  const slug = createHeadingSlugger()
  const headings: HeadingInfo[] = []
  visit(tree, 'heading', (node: Heading) => {
    const text = toString(node, { includeImageAlt: false }).trim()
    headings.push({ node, depth: node.depth, text, id: slug(text) })
  })
  return headings
}
