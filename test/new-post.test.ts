import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildContent } from './build-content'

const script = path.resolve(import.meta.dirname, '../scripts/new-post.mjs')
const contentDir = mkdtempSync(path.join(tmpdir(), 'new-post-test-'))

function newPost(...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() }
}

function localToday() {
  const now = new Date()
  return [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((n) => String(n).padStart(2, '0')).join('-')
}

afterAll(() => rmSync(contentDir, { recursive: true, force: true }))

describe('npm run new-post', () => {
  const title = 'Café: crème brûlée & "naïve" Unicode'
  const created = newPost(title)
  const file = path.join(contentDir, 'posts', 'cafe-creme-brulee-naive-unicode.mdx')

  it('creates the post under an ASCII slug of the title and prints its path', () => {
    expect(created).toMatchObject({ status: 0, stdout: file })
    expect(existsSync(file)).toBe(true)
  })

  it('writes front matter that Contentlayer accepts: the title intact, today, a draft, a placeholder summary', () => {
    const build = buildContent(contentDir)
    try {
      expect(build.status, build.output).toBe(0)
      expect(build.readDocuments()).toEqual([
        expect.objectContaining({
          title,
          date: `${localToday()}T00:00:00.000Z`,
          draft: true,
          tags: [],
          slug: 'cafe-creme-brulee-naive-unicode',
          summary: expect.stringMatching(/^TODO: /),
        }),
      ])
    } finally {
      build.cleanUp()
    }
  })

  it('refuses to overwrite an existing post and leaves it as it was', () => {
    const before = readFileSync(file, 'utf8')
    const again = newPost(title)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('already exists; nothing was written')
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('takes a slug of the author’s choosing, and rejects a bad one', () => {
    expect(newPost('Кафка для начинающих', '--slug', 'kafka-basics')).toMatchObject({
      status: 0,
      stdout: path.join(contentDir, 'posts', 'kafka-basics.mdx'),
    })
    expect(newPost('Anything', '--slug', 'Not A Slug')).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('not a valid slug'),
    })
  })

  it('explains what to do when the title gives no file name, or there is no title', () => {
    expect(newPost('Кафка')).toMatchObject({ status: 1, stderr: expect.stringContaining('pass one with --slug') })
    expect(newPost()).toMatchObject({ status: 1, stderr: expect.stringContaining('give the post a title') })
  })
})
