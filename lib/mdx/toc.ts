import type { Heading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { z } from 'zod'
import { createHeadingSlugger } from './heading-ids'

const tocEntrySchema = z.object({ depth: z.union([z.literal(2), z.literal(3)]), text: z.string(), id: z.string() })

export type TocEntry = z.infer<typeof tocEntrySchema>
export type TocNode = TocEntry & { children: TocNode[] }

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx)

/**
 * The h2 and h3 headings of an MDX body, in order. Every heading goes through the slugger (h1 and
 * h4–h6 too) because the rehype plugin that writes the ids does the same: skipping one would shift
 * the `-1` suffixes of duplicates.
 */
export function extractToc(source: string): TocEntry[] {
  const tree: Root = parser.parse(source)
  const slug = createHeadingSlugger()
  const entries: TocEntry[] = []
  visit(tree, 'heading', (node: Heading) => {
    const text = toString(node, { includeImageAlt: false }).trim()
    const id = slug(text)
    if (node.depth === 2 || node.depth === 3) entries.push({ depth: node.depth, text, id })
  })
  return entries
}

/** Nests each h3 under the h2 before it; an h3 with no h2 before it stays at the top level. */
export function nestToc(entries: readonly TocEntry[]): TocNode[] {
  const roots: TocNode[] = []
  for (const entry of entries) {
    const node: TocNode = { ...entry, children: [] }
    const parent = roots.at(-1)
    if (entry.depth === 3 && parent?.depth === 2) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** Contentlayer types `json` computed fields as `any`: check the shape instead of trusting it. */
export function parseToc(value: unknown): TocEntry[] {
  return z.array(tocEntrySchema).parse(value)
}
