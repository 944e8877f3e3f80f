import { describe, expect, it } from 'vitest'
import { buildSnippet } from './snippet'

const words = Array.from({ length: 100 }, (_, i) => `w${i}`)
const content = words.join(' ')
const text = (parts: ReturnType<typeof buildSnippet>) => parts.map((part) => part.text).join('')
const marked = (parts: ReturnType<typeof buildSnippet>) => parts.filter((part) => part.isMatch).map((part) => part.text)

describe('buildSnippet', () => {
  it('shows the words around the matches and marks exactly the matched words', () => {
    const parts = buildSnippet(content, { locations: [50, 52], length: 10 })
    expect(text(parts)).toBe('… w48 w49 w50 w51 w52 w53 w54 w55 w56 w57 …')
    expect(marked(parts)).toEqual(['w50', 'w52'])
  })

  it('prefers the densest cluster of matches over the first one', () => {
    const parts = buildSnippet(content, { locations: [3, 70, 72, 74], length: 10 })
    expect(marked(parts)).toEqual(['w70', 'w72', 'w74'])
  })

  it('stays inside the section range and shows no ellipsis at its edges', () => {
    const parts = buildSnippet(content, { locations: [21, 80], range: { start: 20, end: 25 }, length: 10 })
    expect(text(parts)).toBe('w20 w21 w22 w23 w24')
    expect(marked(parts)).toEqual(['w21'])
  })

  it('keeps text that looks like HTML as text', () => {
    const parts = buildSnippet('Use <script> & "quotes" safely', { locations: [1] })
    expect(parts).toEqual([
      { text: 'Use ', isMatch: false },
      { text: '<script>', isMatch: true },
      { text: ' & "quotes" safely', isMatch: false },
    ])
  })

  it('starts at the beginning when nothing matched in the range', () => {
    expect(text(buildSnippet(content, { locations: [], length: 3 }))).toBe('w0 w1 w2 …')
    expect(buildSnippet(content, { locations: [1], range: { start: 5, end: 5 } })).toEqual([])
  })
})
