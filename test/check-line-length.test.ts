import { describe, expect, it } from 'vitest'
import { findLongLines, MAX_LINE_LENGTH } from '../scripts/check-line-length.mjs'

const long = 'x'.repeat(MAX_LINE_LENGTH + 1)
const full = 'x'.repeat(MAX_LINE_LENGTH)

describe('findLongLines', () => {
  it('reports each line over the limit with its number and length, in code points', () => {
    expect(findLongLines('a.ts', `${full}\n${long}\n${'é'.repeat(MAX_LINE_LENGTH)}\n😀${full}`)).toEqual([
      { line: 2, length: MAX_LINE_LENGTH + 1 },
      { line: 4, length: MAX_LINE_LENGTH + 1 },
    ])
  })

  it('does not count URLs, but counts the rest of their line', () => {
    const url = `https://example.com/${'a'.repeat(200)}`
    expect(findLongLines('a.ts', `// see ${url}\n${full} ${url}`)).toEqual([
      { line: 2, length: MAX_LINE_LENGTH + 1 + url.length },
    ])
  })

  it('skips Markdown table rows and fenced code, not Markdown prose nor tables in code', () => {
    const markdown = ['| a | b |', `| ${long} |`, '```bash', long, '```', long, '~~~~', '```', long, '~~~~', long].join(
      '\n',
    )
    expect(findLongLines('doc.md', markdown).map(({ line }) => line)).toEqual([6, 11])
    expect(findLongLines('a.ts', `| ${long}`)).toHaveLength(1)
  })
})
