import { z } from 'zod'
import { listHeadings } from './headings'
import { parseMdxBody } from './parse'

const tocEntrySchema = z.object({ depth: z.union([z.literal(2), z.literal(3)]), text: z.string(), id: z.string() })

export type TocEntry = z.infer<typeof tocEntrySchema>
export type TocNode = TocEntry & { children: TocNode[] }

/** The h2 and h3 headings of an MDX body, in order, with the ids the rendered headings get. */
export function extractToc(source: string): TocEntry[] {
  return listHeadings(parseMdxBody(source)).flatMap(({ depth, text, id }) =>
    depth === 2 || depth === 3 ? [{ depth, text, id }] : [],
  )
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
