import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'mdast'
import { listHeadings } from '@/lib/mdx/headings'
import { parseMdxFile } from '@/lib/mdx/parse'
import { publicFilePath } from '@/lib/mdx/rehype-image-size'
import { isScheduled } from '@/lib/post-selection'
import { checkFrontmatter, createFrontmatterSchema, type FieldSpec } from './frontmatter'
import { checkCodeFences, checkHeadings, checkImages, checkLinks, type LintContext } from './rules'

export type LintOptions = {
  /** Contentlayer's content directory; posts are `posts/**\/*.mdx` inside it. */
  contentDir: string
  /** The project root whose public/ holds images. */
  rootDir: string
  fields: Record<string, FieldSpec>
  /** Milliseconds since the epoch: posts dated after it are scheduled, as a build at this moment decides. */
  now: number
}

export type LintProblem = { file: string; line: number; message: string }
/** Problems fail the check; notes (scheduled posts) are only reported. */
export type LintReport = { problems: LintProblem[]; notes: LintProblem[] }

type ParsedPost = { file: string; slug: string; tree: Root | undefined; data: Record<string, unknown> }

/** Every problem and note in every post, each sorted by file and line. Paths are as given in `contentDir`. */
export function lintContent({ contentDir, rootDir, fields, now }: LintOptions): LintReport {
  const schema = createFrontmatterSchema(fields)
  const problems: LintProblem[] = []
  const notes: LintProblem[] = []
  const posts: ParsedPost[] = listPostFiles(path.join(contentDir, 'posts')).map((file) => {
    const slug = path.basename(file, '.mdx')
    try {
      const tree = parseMdxFile(readFileSync(file, 'utf8'))
      const { data, problems: found } = checkFrontmatter(tree, schema)
      problems.push(...found.map((problem) => ({ file, ...problem })))
      return { file, slug, tree, data }
    } catch (error) {
      // micromark's MDX errors end with their place, "(9:1-9:22)", and carry no line field.
      const reason = error instanceof Error ? error.message : String(error)
      const line = Number(/\((\d+):\d+(?:-\d+:\d+)?\)$/.exec(reason)?.[1] ?? 1)
      problems.push({ file, line, message: `MDX cannot be parsed: ${reason}` })
      return { file, slug, tree: undefined, data: {} }
    }
  })

  const firstFileBySlug = new Map<string, string>()
  for (const post of posts) {
    const key = post.slug.toLowerCase()
    const first = firstFileBySlug.get(key)
    if (first)
      problems.push({ file: post.file, line: 1, message: `duplicate slug "${post.slug}": ${first} has it too` })
    else firstFileBySlug.set(key, post.file)
  }

  const context: Omit<LintContext, 'isDraft'> = {
    headingIds: new Map(
      posts.map((post) => [post.slug, new Set(post.tree ? listHeadings(post.tree).map((heading) => heading.id) : [])]),
    ),
    drafts: new Set(posts.filter((post) => post.data.draft === true).map((post) => post.slug)),
    publicFileExists: (src) => existsSync(publicFilePath(src, rootDir)),
  }
  for (const { file, slug, tree, data } of posts) {
    if (!tree) continue
    const isDraft = data.draft === true
    const found = [
      ...checkHeadings(tree),
      ...checkCodeFences(tree),
      ...checkLinks(tree, slug, { ...context, isDraft }),
      ...checkImages(tree, { ...context, isDraft }),
    ]
    problems.push(...found.map((problem) => ({ file, ...problem })))
    // A future date schedules the post (CONTRIBUTING.md, "Scheduling a post"), by the same test as the build.
    const date = isoDate(data.date)
    if (date && !isDraft && isScheduled({ date }, now)) {
      notes.push({
        file,
        line: frontmatterLine(tree, 'date'),
        message:
          `scheduled for ${formatUtc(date)}: ` + 'production builds leave it out until they run on or after that time',
      })
    }
  }
  const byPlace = (a: LintProblem, b: LintProblem) => a.file.localeCompare(b.file) || a.line - b.line
  return { problems: problems.sort(byPlace), notes: notes.sort(byPlace) }
}

/** `2026-12-01 09:00 UTC`, with seconds only when there are any. */
function formatUtc(date: string): string {
  const iso = new Date(date).toISOString()
  const seconds = iso.slice(17, 19) === '00' ? '' : `:${iso.slice(17, 19)}`
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}${seconds} UTC`
}

/** A valid front matter date as an ISO string, else undefined (the front matter check reports it). */
function isoDate(value: unknown): string | undefined {
  const iso = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : ''
  return Number.isNaN(Date.parse(iso)) ? undefined : iso
}

function listPostFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => path.join(dir, name))
    .sort()
}

function frontmatterLine(tree: Root, key: string): number {
  const yaml = tree.children[0]
  if (yaml?.type !== 'yaml') return 1
  const index = yaml.value.split('\n').findIndex((line) => line.startsWith(`${key}:`))
  return (yaml.position?.start.line ?? 1) + 1 + Math.max(index, 0)
}
