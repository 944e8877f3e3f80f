import { XMLParser } from 'fast-xml-parser'
import { z } from 'zod'
import { readClassicEntries } from './classic'
import { readTakeoutEntries } from './takeout'
import { entrySchema, type BloggerExport } from './types'

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  // Blogger ids are 19-digit numbers: as JavaScript numbers they would lose their last digits.
  parseTagValue: false,
  parseAttributeValue: false,
  // `&#233;` in the XML is a character; `&amp;lt;p&amp;gt;` stays escaped HTML, decoded once.
  htmlEntities: true,
  // Elements are read by local name (`blogger:type` → `type`, `thr:in-reply-to` → `in-reply-to`):
  // the prefixes are conventions, and the two formats' vocabularies do not collide.
  removeNSPrefix: true,
  isArray: (name) => ['entry', 'category', 'link', 'author', 'extendedProperty', 'in-reply-to'].includes(name),
})

const feedSchema = z.object({
  feed: z.looseObject({
    title: z.unknown().optional(),
    entry: z.array(z.unknown()).default([]),
  }),
})

export class BloggerExportError extends Error {}

/**
 * Reads a Blogger backup: the current Takeout `feed.atom` (namespace
 * http://schemas.google.com/blogger/2018) or the classic Atom export (`…/g/2005#kind` categories).
 */
export function parseBloggerExport(xml: string): BloggerExport {
  let document: unknown
  try {
    document = parser.parse(xml, true)
  } catch (error) {
    throw new BloggerExportError(
      `The file is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
  const feed = feedSchema.safeParse(document)
  if (!feed.success) throw new BloggerExportError('The file is XML but not an Atom feed (no <feed> element).')
  const entries = feed.data.feed.entry.map((entry, index) => {
    const parsed = entrySchema.safeParse(entry)
    if (!parsed.success)
      throw new BloggerExportError(`Entry ${index + 1}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`)
    return parsed.data
  })
  const title = entrySchema.shape.title.parse(feed.data.feed.title) ?? 'Blogger'
  if (entries.some((entry) => entry.type !== undefined))
    return { format: 'takeout', title, ...readTakeoutEntries(entries) }
  if (entries.some((entry) => entry.category.some((category) => category.scheme?.endsWith('/g/2005#kind')))) {
    return { format: 'classic', title, ...readClassicEntries(entries) }
  }
  throw new BloggerExportError(
    'This Atom feed is not a Blogger export: its entries have neither <blogger:type> (Takeout feed.atom) ' +
      'nor a …/g/2005#kind category (classic export).',
  )
}
