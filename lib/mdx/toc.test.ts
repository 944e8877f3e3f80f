import { describe, expect, it } from 'vitest'
import { extractToc, nestToc, parseToc } from './toc'

describe('extractToc', () => {
  it('lists h2 and h3 headings in order with github-slugger ids', () => {
    const source = [
      '# Title',
      '',
      '## First part',
      '',
      'text',
      '',
      '### A detail',
      '',
      '#### Too deep',
      '',
      '## Second part',
    ].join('\n')
    expect(extractToc(source)).toEqual([
      { depth: 2, text: 'First part', id: 'first-part' },
      { depth: 3, text: 'A detail', id: 'a-detail' },
      { depth: 2, text: 'Second part', id: 'second-part' },
    ])
  })

  it('numbers duplicate headings, counting those at levels the ToC leaves out', () => {
    const source = ['## Setup', '#### Setup', '### Setup', '## Setup'].join('\n\n')
    expect(extractToc(source).map((entry) => entry.id)).toEqual(['setup', 'setup-2', 'setup-3'])
  })

  it('keeps the ids the page itself uses for the page', () => {
    expect(extractToc('## Comments\n\n## Main content').map((entry) => entry.id)).toEqual([
      'comments-1',
      'main-content-1',
    ])
  })

  it('uses the plain text of formatted headings and ignores headings inside code', () => {
    const source = ['## Use `fetch()` **carefully**', '', '```md', '## not a heading', '```'].join('\n')
    expect(extractToc(source)).toEqual([{ depth: 2, text: 'Use fetch() carefully', id: 'use-fetch-carefully' }])
  })

  it('returns nothing for a post without headings', () => {
    expect(extractToc('Just a paragraph.')).toEqual([])
  })
})

describe('nestToc', () => {
  it('puts each h3 under the h2 before it', () => {
    const tree = nestToc([
      { depth: 2, text: 'A', id: 'a' },
      { depth: 3, text: 'A.1', id: 'a1' },
      { depth: 3, text: 'A.2', id: 'a2' },
      { depth: 2, text: 'B', id: 'b' },
    ])
    expect(tree.map((node) => [node.id, node.children.map((child) => child.id)])).toEqual([
      ['a', ['a1', 'a2']],
      ['b', []],
    ])
  })

  it('keeps an h3 that comes before any h2 at the top level', () => {
    const tree = nestToc([
      { depth: 3, text: 'Orphan', id: 'orphan' },
      { depth: 2, text: 'A', id: 'a' },
    ])
    expect(tree.map((node) => node.id)).toEqual(['orphan', 'a'])
  })
})

describe('parseToc', () => {
  it('rejects data that is not a table of contents', () => {
    expect(() => parseToc([{ depth: 4, text: 'x', id: 'x' }])).toThrow()
    expect(() => parseToc('nope')).toThrow()
  })
})
