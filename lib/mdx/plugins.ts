import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code'
import remarkGfm from 'remark-gfm'
import type { PluggableList } from 'unified'
import { rehypeHeadingIds } from './rehype-heading-ids'

const prettyCode: PrettyCodeOptions = {
  // Both themes are rendered as CSS variables; globals.css picks one per colour scheme.
  theme: { light: 'github-light', dark: 'github-dark' },
  keepBackground: false,
  defaultLang: { block: 'plaintext' },
}

export const remarkPlugins: PluggableList = [remarkGfm]

export const rehypePlugins: PluggableList = [
  rehypeHeadingIds,
  [
    rehypeAutolinkHeadings,
    // The heading text itself is the link: its accessible name stays the heading's, with no
    // extra "link to section" words read out before every section.
    { behavior: 'wrap', properties: { className: ['heading-anchor'] } },
  ],
  [rehypePrettyCode, prettyCode],
]
