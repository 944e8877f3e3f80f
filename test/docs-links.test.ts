import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import GithubSlugger from 'github-slugger'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import { describe, expect, it } from 'vitest'

// Every relative link in the Markdown files (README, CONTRIBUTING, docs/, …) must point at a file or
// folder that exists, and a link into a Markdown file at one of its headings (GitHub's ids).

const root = path.resolve(import.meta.dirname, '..')
// Dot folders other than .github hold build output and copies of the project (.next, .e2e-fixture-site, …).
const skippedFolders = new Set(['node_modules', 'content'])
const isSkipped = (name: string) => (name.startsWith('.') && name !== '.github') || skippedFolders.has(name)

function findMarkdownFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name)
    if (entry.isDirectory()) {
      return isSkipped(entry.name) ? [] : findMarkdownFiles(full)
    }
    return entry.name.endsWith('.md') ? [full] : []
  })
}

const parse = (file: string): Root => unified().use(remarkParse).use(remarkGfm).parse(readFileSync(file, 'utf8'))

const headingIds = new Map<string, Set<string>>()

function listHeadingIds(file: string): Set<string> {
  let ids = headingIds.get(file)
  if (ids) return ids
  const slugger = new GithubSlugger()
  ids = new Set<string>()
  visit(parse(file), 'heading', (heading) => void ids?.add(slugger.slug(toString(heading))))
  headingIds.set(file, ids)
  return ids
}

function listRelativeLinks(file: string): string[] {
  const links: string[] = []
  visit(parse(file), ['link', 'definition'], (node) => {
    if ((node.type === 'link' || node.type === 'definition') && !/^[a-z][a-z0-9+.-]*:/i.test(node.url)) {
      links.push(node.url)
    }
  })
  return links
}

/** Why `link` in `file` is broken, or undefined when it resolves. */
function checkLink(file: string, link: string): string | undefined {
  const [target = '', anchor] = link.split('#')
  const resolved = target === '' ? file : path.resolve(path.dirname(file), decodeURIComponent(target))
  if (!existsSync(resolved)) return `${link}: no such file`
  if (anchor === undefined || !resolved.endsWith('.md') || statSync(resolved).isDirectory()) return undefined
  return listHeadingIds(resolved).has(decodeURIComponent(anchor)) ? undefined : `${link}: no heading #${anchor}`
}

const files = findMarkdownFiles(root)

describe('relative links in the Markdown files', () => {
  it('finds the docs', () => {
    const names = files.map((file) => path.relative(root, file))
    expect(names).toEqual(expect.arrayContaining(['README.md', 'CONTRIBUTING.md', 'docs/README.md']))
  })

  it.each(files.map((file) => [path.relative(root, file), file]))('%s', (_name, file) => {
    const broken = listRelativeLinks(file).flatMap((link) => checkLink(file, link) ?? [])
    expect(broken).toEqual([])
  })
})
