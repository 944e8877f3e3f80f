import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

// The syntax Contentlayer compiles posts with (lib/mdx/plugins.ts): Markdown, GFM and MDX. Every
// tool that reads a post's structure (the ToC, the search index, lint:content) parses through here.
const bodyParser = unified().use(remarkParse).use(remarkGfm).use(remarkMdx)
const fileParser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx)

/** The body of a post (Contentlayer's `body.raw`, front matter already removed). */
export function parseMdxBody(source: string): Root {
  return bodyParser.parse(source)
}

/** A whole `.mdx` file, front matter included as a `yaml` node, so positions are the file's own lines. */
export function parseMdxFile(source: string): Root {
  return fileParser.parse(source)
}
