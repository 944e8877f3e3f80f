import rehypeAutolinkHeadings from 'rehype-autolink-headings'
import rehypePrettyCode, { type Options as PrettyCodeOptions } from 'rehype-pretty-code'
import remarkGfm from 'remark-gfm'
import type { PluggableList } from 'unified'
import { codeThemes } from './code-themes'
import { rehypeCodeHtml } from './rehype-code-html'
import { rehypeHeadingIds } from './rehype-heading-ids'
import { rehypeImageSize } from './rehype-image-size'

/** How posts highlight code; comments (lib/comments/markdown.ts) use the same, so they look the same. */
export const prettyCode: PrettyCodeOptions = {
  theme: codeThemes,
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
  // Meta strings after the language set a title (`title="lib/db.ts"`), highlighted lines
  // (`{1,3-4}`) and line numbers (`showLineNumbers`); components/mdx/code-block.tsx adds the rest.
  [rehypePrettyCode, prettyCode],
  rehypeCodeHtml,
  rehypeImageSize,
]
