import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Post } from '../contentlayer.config'
import { fieldSpecSchema } from '@/lib/content-lint/frontmatter'
import { lintContent } from '@/lib/content-lint/lint'
import { buildContent } from './build-content'

const root = path.resolve(import.meta.dirname, '..')
const takeout = 'test/fixtures/blogger/feed.atom'
const classic = 'test/fixtures/blogger/blog-export.xml'
const site = mkdtempSync(path.join(tmpdir(), 'blogger-import-'))
const contentDir = path.join(site, 'content')
const pgliteDir = path.join(site, 'pglite')
afterAll(() => rmSync(site, { recursive: true, force: true }))

/** `npm run import:blogger` without npm's start-up time. */
function importBlogger(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', 'scripts/import-blogger.ts', ...args, '--content-dir', contentDir],
    {
      cwd: root,
      env: { ...process.env, PGLITE_DIR: pgliteDir, DATABASE_URL: '' },
      encoding: 'utf8',
    },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

const listFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : []

// Each run starts Node, and the ones with comments create a PGlite database: slow on a busy machine.
describe('npm run import:blogger', { timeout: 180_000 }, () => {
  it('--dry-run prints the per-post report and writes nothing, not even the database', () => {
    const { status, stdout } = importBlogger(takeout, '--dry-run')
    expect(status).toBe(0)
    expect(stdout).toContain('Takeout feed.atom of "Backend Playbook": 4 posts, 1 page, 9 comments')
    expect(stdout).toMatch(
      /new +\S*content\/posts\/what-is-backend-engineering\.mdx {2}"What is backend engineering\?"/,
    )
    expect(stdout).toContain('not converted: <iframe')
    expect(stdout).toContain('(an embedded YouTube video), kept as a note for the author')
    expect(stdout).toContain('image explain-plan.png is not in the export: kept as a link')
    expect(stdout).toContain(
      '"Spring sale on our e-book" (/2024/03/spring-sale.html): in the trash on Blogger (SOFT_TRASHED), not imported',
    )
    expect(stdout).toContain('"About" (/p/about.html): a page.')
    expect(stdout).toContain('comment 7391046652087341125: deleted (SOFT_TRASHED)')
    expect(stdout).toContain('Dry run: nothing was written.')
    expect(listFiles(site)).toEqual([])
  })

  it('writes the posts, images and redirect map, and imports the comments', () => {
    const { status, stdout, stderr } = importBlogger(takeout)
    expect(status, stderr).toBe(0)
    expect(listFiles(contentDir)).toEqual([
      'posts',
      'posts/notes-on-connection-pooling.mdx',
      'posts/postgresql-indexes-cafe.mdx',
      'posts/what-is-backend-engineering.mdx',
      'redirects.json',
    ])
    expect(readFileSync(path.join(site, 'public/images/what-is-backend-engineering/request-flow.png'))).toEqual(
      readFileSync(path.join(root, 'test/fixtures/blogger/request-flow.png')),
    )
    expect(readFileSync(path.join(contentDir, 'posts/notes-on-connection-pooling.mdx'), 'utf8')).toContain(
      '\ndraft: true\n',
    )
    expect(stdout).toContain('Wrote 5 files (0 unchanged).')
    expect(stdout).toContain('Comments: imported 8, 0 already present.')
  })

  it('gives posts that pass lint:content and build with Contentlayer', () => {
    const fields = z.record(z.string(), fieldSpecSchema).parse(Post.def().fields)
    expect(lintContent({ contentDir, rootDir: site, fields, now: Date.parse('2026-01-01') })).toEqual({
      problems: [],
      notes: [],
    })
    const build = buildContent(contentDir, { publicDir: path.join(site, 'public') })
    try {
      expect(build.status, build.output).toBe(0)
      const titles = z
        .array(z.object({ title: z.string() }))
        .parse(build.readDocuments())
        .map((post) => post.title)
      expect(titles.sort()).toEqual([
        'Indexes in PostgreSQL, explained with a café menu',
        'Notes on connection pooling',
        'What is backend engineering?',
      ])
    } finally {
      build.cleanUp()
    }
  })

  it('changes nothing when run again, even from the other export format', () => {
    const { status, stdout } = importBlogger(classic)
    expect(status).toBe(0)
    expect(stdout).toContain('classic Blogger export of "Backend Playbook": 3 posts, 1 page, 9 comments')
    expect(stdout).toContain('Wrote 0 files (5 unchanged).')
    expect(stdout).toContain('Comments: imported 0, 8 already present.')
  })

  it('refuses to overwrite a changed post, writing nothing, unless --force; --no-comments spares the database', () => {
    const edited = path.join(contentDir, 'posts/what-is-backend-engineering.mdx')
    const original = readFileSync(edited, 'utf8')
    writeFileSync(edited, `${original}\nAn edit by the author.\n`)
    rmSync(path.join(contentDir, 'posts/notes-on-connection-pooling.mdx'))

    const refused = importBlogger(takeout)
    expect(refused.status).toBe(2)
    expect(refused.stdout).toMatch(/changed +\S*what-is-backend-engineering\.mdx/)
    expect(refused.stderr).toContain('These files exist with other contents; nothing was written:')
    expect(refused.stderr).toContain('pass --force to overwrite them')
    expect(readFileSync(edited, 'utf8')).toContain('An edit by the author.')
    expect(existsSync(path.join(contentDir, 'posts/notes-on-connection-pooling.mdx'))).toBe(false)

    rmSync(pgliteDir, { recursive: true, force: true })
    const forced = importBlogger(takeout, '--no-comments', '--force')
    expect(forced.status).toBe(0)
    expect(readFileSync(edited, 'utf8')).toBe(original)
    expect(existsSync(path.join(contentDir, 'posts/notes-on-connection-pooling.mdx'))).toBe(true)
    expect(forced.stdout).toContain('Comments not imported (--no-comments).')
    expect(existsSync(pgliteDir)).toBe(false)
  })
})
