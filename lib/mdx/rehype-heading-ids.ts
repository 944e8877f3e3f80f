import type { Root } from 'hast'
import { headingRank } from 'hast-util-heading-rank'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { createHeadingSlugger } from './heading-ids'

/** Like rehype-slug, but through the slugger the table of contents uses (see heading-ids.ts). */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slug = createHeadingSlugger()
    visit(tree, 'element', (node) => {
      if (headingRank(node) && !node.properties.id) {
        node.properties.id = slug(toString(node).trim())
      }
    })
  }
}
