import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Post } from '@/contentlayer.config'
import { fieldSpecSchema } from './frontmatter'
import { lintContent } from './lint'

const fields = z.record(z.string(), fieldSpecSchema).parse(Post.def().fields)
const now = Date.parse('2026-11-26T12:00:00Z')
const format = (p: { file: string; line: number; message: string }) => `${p.file}:${p.line}: ${p.message}`
const lintReport = (contentDir: string, rootDir = '.', at = now) =>
  lintContent({ contentDir, rootDir, fields, now: at })
const lint = (contentDir: string, rootDir = '.') => lintReport(contentDir, rootDir).problems.map(format)

describe('lint:content', () => {
  // One fixture post per rule (test/fixtures/lint/posts), plus a valid post that the links target.
  const problems = lint('test/fixtures/lint', 'test/fixtures/lint')
  const dir = 'test/fixtures/lint/posts'

  it.each([
    [
      'invalid front matter',
      [
        `${dir}/bad-frontmatter.mdx:1: front matter field "summary" is required`,
        `${dir}/bad-frontmatter.mdx:2: front matter field "title" must not be empty`,
        `${dir}/bad-frontmatter.mdx:3: front matter field "date" must be a date such as 2026-11-24`,
        `${dir}/bad-frontmatter.mdx:4: front matter field "author" is not in the schema`,
        `${dir}/bad-frontmatter.mdx:5: front matter field "tags" must be a list`,
        `${dir}/no-frontmatter.mdx:1: front matter is missing (a --- block with title, date and summary)`,
      ],
    ],
    [
      'MDX that does not parse',
      [`${dir}/syntax-error.mdx:9: MDX cannot be parsed: Expected a closing tag for \`<Callout>\` (9:1-9:22)`],
    ],
    ['duplicate slugs', [`${dir}/target.mdx:1: duplicate slug "target": ${dir}/nested/target.mdx has it too`]],
    [
      'internal links to posts or headings that do not exist',
      [
        `${dir}/broken-links.mdx:7: link to a post that does not exist: /blog/no-such-post`,
        `${dir}/broken-links.mdx:7: link to a heading that does not exist: /blog/target#missing-section`,
        `${dir}/broken-links.mdx:9: link to a heading that does not exist: #nowhere`,
        `${dir}/broken-links.mdx:13: link to a draft, which is not published: /blog/draft-post`,
      ],
    ],
    [
      'images that do not exist or have no alt text',
      [
        `${dir}/images.mdx:7: image without alt text`,
        `${dir}/images.mdx:9: image /images/missing.png does not exist in public/`,
        `${dir}/images.mdx:11: <Figure> without alt text`,
        `${dir}/images.mdx:13: <Figure> https://example.com/remote.png is not a file in public/ (start the path with /)`,
      ],
    ],
    [
      'skipped heading levels and more than one h1',
      [
        `${dir}/headings.mdx:7: more than one h1: "# A second h1" (the title is the page's h1; use ## for sections)`,
        `${dir}/headings.mdx:11: heading level skipped: h4 "Skips h3" follows an h2`,
      ],
    ],
    [
      'code fences without a language',
      [`${dir}/code.mdx:7: code block without a language (\`\`\`ts, \`\`\`sql, \`\`\`text …)`],
    ],
  ])('%s', (_, expected) => {
    for (const line of expected) expect(problems).toContain(line)
  })

  it('reports nothing else: the valid post, the draft, the scheduled post and the working links pass', () => {
    expect(problems).toHaveLength(19)
    expect(problems.filter((line) => /target\.mdx:(?!1: duplicate)|draft-post\.mdx/.test(line))).toEqual([])
  })

  it('notes a post dated in the future as scheduled, with its publication time, and no problem', () => {
    const { problems: found, notes } = lintReport('test/fixtures/lint', 'test/fixtures/lint')
    expect(notes.map(format)).toEqual([
      `${dir}/future.mdx:3: scheduled for 2099-01-01 00:00 UTC: ` +
        'production builds leave it out until they run on or after that time',
    ])
    expect(found.filter((problem) => problem.file.endsWith('future.mdx'))).toEqual([])
  })

  it('decides "scheduled" to the second, as the build does, for a day (midnight UTC) or a full timestamp', () => {
    const site = 'test/fixtures/content/site'
    expect(lintReport(site, site, Date.parse('2998-12-31T23:59:59Z')).notes.map(format)).toEqual([
      `${site}/posts/scheduled-post.mdx:3: scheduled for 2999-01-01 00:00 UTC: ` +
        'production builds leave it out until they run on or after that time',
    ])
    expect(lintReport(site, site, Date.parse('2999-01-01T00:00:00Z')).notes).toEqual([])
    // The fixture site is built with the project's public/ (scripts/build-fixture-site.mjs).
    expect(lintReport(site).problems).toEqual([])
  })

  it('notes no draft, even one dated in the future', () => {
    expect(
      lintReport('test/fixtures/lint', 'test/fixtures/lint').notes.filter((note) => note.file.includes('draft')),
    ).toEqual([])
  })

  it('passes the real posts', () => {
    expect(lint('content')).toEqual([])
  })
})
