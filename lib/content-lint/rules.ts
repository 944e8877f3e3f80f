import type { Nodes, Root } from 'mdast'
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import { listHeadings } from '@/lib/mdx/headings'
import { reservedIds } from '@/lib/mdx/heading-ids'

export type Problem = { line: number; message: string }

/** What the body rules need to know about the other posts and the files in public/. */
export type LintContext = {
  /** Heading ids of every post, by slug. */
  headingIds: ReadonlyMap<string, ReadonlySet<string>>
  drafts: ReadonlySet<string>
  isDraft: boolean
  publicFileExists: (src: string) => boolean
}

const lineOf = (node: Nodes) => node.position?.start.line ?? 1

/** Headings: no h1 in the body (the title is the page's h1) and no skipped levels. */
export function checkHeadings(tree: Root): Problem[] {
  const problems: Problem[] = []
  let previous = 1
  for (const { node, depth, text } of listHeadings(tree)) {
    if (depth === 1) {
      problems.push({
        line: lineOf(node),
        message: `more than one h1: "# ${text}" (the title is the page's h1; use ## for sections)`,
      })
    } else if (depth > previous + 1) {
      problems.push({
        line: lineOf(node),
        message: `heading level skipped: h${depth} "${text}" follows an h${previous}`,
      })
    }
    previous = depth
  }
  return problems
}

export function checkCodeFences(tree: Root): Problem[] {
  const problems: Problem[] = []
  visit(tree, 'code', (node) => {
    if (!node.lang)
      problems.push({ line: lineOf(node), message: 'code block without a language (```ts, ```sql, ```text …)' })
  })
  return problems
}

/** Links to /blog/<slug> and #ids must land on a post and a heading that exist. */
export function checkLinks(tree: Root, slug: string, context: LintContext): Problem[] {
  const problems: Problem[] = []
  visit(tree, 'link', (node) => {
    const target = parseInternalLink(node.url, slug)
    if (!target) return
    const ids = context.headingIds.get(target.slug)
    if (!ids) {
      problems.push({ line: lineOf(node), message: `link to a post that does not exist: ${node.url}` })
    } else if (context.drafts.has(target.slug) && !context.isDraft) {
      problems.push({ line: lineOf(node), message: `link to a draft, which is not published: ${node.url}` })
    } else if (target.id && !ids.has(target.id) && !reservedIds.some((id) => id === target.id)) {
      problems.push({ line: lineOf(node), message: `link to a heading that does not exist: ${node.url}` })
    }
  })
  return problems
}

function parseInternalLink(url: string, currentSlug: string): { slug: string; id: string | undefined } | undefined {
  const hash = url.indexOf('#')
  const id = hash === -1 ? undefined : decodeURIComponent(url.slice(hash + 1))
  const path = hash === -1 ? url : url.slice(0, hash)
  if (path === '') return id ? { slug: currentSlug, id } : undefined
  const match = /^\/blog\/([^/?#]+)\/?$/.exec(path)
  return match?.[1] ? { slug: decodeURIComponent(match[1]), id } : undefined
}

/** Markdown images, `<Figure>` and `<img>`: alt text, and a file in public/. */
export function checkImages(tree: Root, context: LintContext): Problem[] {
  const problems: Problem[] = []
  const check = (node: Nodes, src: unknown, alt: unknown, what: string) => {
    if (typeof alt !== 'string' || alt.trim() === '')
      problems.push({ line: lineOf(node), message: `${what} without alt text` })
    if (typeof src !== 'string' || src === '') problems.push({ line: lineOf(node), message: `${what} without a src` })
    else if (!src.startsWith('/'))
      problems.push({ line: lineOf(node), message: `${what} ${src} is not a file in public/ (start the path with /)` })
    else if (!context.publicFileExists(src))
      problems.push({ line: lineOf(node), message: `${what} ${src} does not exist in public/` })
  }
  visit(tree, (node) => {
    if (node.type === 'image') check(node, node.url, node.alt, 'image')
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      (node.name === 'Figure' || node.name === 'img')
    ) {
      const attributes = node.attributes.filter(
        (attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute',
      )
      const value = (name: string) => {
        const attribute = attributes.find((candidate) => candidate.name === name)
        // An expression (alt={…}) cannot be checked here; the component checks it at build time.
        return attribute && typeof attribute.value === 'object' && attribute.value !== null
          ? 'expression'
          : attribute?.value
      }
      check(node, value('src'), value('alt'), `<${node.name}>`)
    }
  })
  return problems
}
