import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { writeSearchIndex } from './build-index'
import { toSearchHit } from './pagefind-client'

const posts = [
  {
    url: '/blog/kafka-basics',
    title: 'Kafka basics',
    summary: 'Topics, partitions and consumer groups.',
    tags: ['kafka', 'café'],
    date: '2026-02-01T00:00:00.000Z',
    body: {
      raw:
        'Intro text.\n\n## Partitions\n\nOrdering holds per partition.\n\n' +
        '## Operations\n\nProvision brokers with Terraform & `<care>`.\n',
    },
  },
  {
    url: '/blog/sql-indexes',
    title: 'SQL indexes',
    summary: 'B-trees and when they help.',
    tags: ['postgresql'],
    date: '2026-03-01T00:00:00.000Z',
    body: { raw: '## Composite indexes\n\nColumn order matters.\n' },
  },
]

let dir: string
let pagefind: { search: (term: string) => Promise<{ results: Array<{ data: () => Promise<unknown> }> }> }

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'search-index-test-'))
  const stats = await writeSearchIndex(posts, path.join(dir, 'pagefind'))
  expect(stats.pages).toBe(2)
  // The browser's Pagefind, run in Node: its requests read the files just written.
  vi.stubGlobal('fetch', async (input: string) => new Response(await readFile(path.join(dir, new URL(input).pathname))))
  await copyFile(path.join(dir, 'pagefind/pagefind.js'), path.join(dir, 'pagefind/pagefind.mjs'))
  pagefind = await import(/* @vite-ignore */ path.join(dir, 'pagefind/pagefind.mjs'))
  await Reflect.get(pagefind, 'options')({ basePath: 'http://index.test/pagefind/', baseUrl: '/' })
}, 60_000)

afterAll(async () => {
  vi.unstubAllGlobals()
  await rm(dir, { recursive: true, force: true })
})

async function search(term: string) {
  const { results } = await pagefind.search(term)
  return Promise.all(results.map(async (result) => toSearchHit(await result.data())))
}

describe('the search index', () => {
  it('writes the engine and the index, without Pagefind’s unused UI files', async () => {
    const files = await readdir(path.join(dir, 'pagefind'))
    expect(files).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-entry.json', 'index', 'fragment']))
    expect(files.filter((name) => name.includes('-ui'))).toEqual([])
  })

  it('finds a post by a word in its body and points at the section it is in', async () => {
    const [hit, ...rest] = await search('terraform')
    expect(rest).toEqual([])
    expect(hit).toMatchObject({
      url: '/blog/kafka-basics',
      title: 'Kafka basics',
      date: '2026-02-01',
      section: { title: 'Operations', url: '/blog/kafka-basics#operations' },
    })
    expect(hit?.snippet.filter((part) => part.isMatch).map((part) => part.text)).toEqual(['Terraform'])
    // Text, not HTML: the reader sees exactly what the author wrote.
    expect(hit?.snippet.map((part) => part.text).join('')).toContain('Terraform & <care>.')
  })

  it('finds posts by title, summary, tags and headings, with stemming and accents', async () => {
    expect((await search('consumer groups')).map((hit) => hit.url)).toEqual(['/blog/kafka-basics'])
    expect((await search('postgresql')).map((hit) => hit.url)).toEqual(['/blog/sql-indexes'])
    expect((await search('composite')).map((hit) => hit.url)).toEqual(['/blog/sql-indexes'])
    expect((await search('café')).map((hit) => hit.url)).toEqual(['/blog/kafka-basics'])
    expect((await search('index')).map((hit) => hit.url)).toEqual(['/blog/sql-indexes'])
  })

  it('finds nothing for nonsense', async () => {
    expect(await search('zzqxvbnm')).toEqual([])
  })
})
