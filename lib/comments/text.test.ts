import { describe, expect, it } from 'vitest'
import { checkCommentText, commentErrorMessages, findTextProblem, MARKS_MAX, normalizeText } from './text'

const acute = '\u0301'

describe('normalizeText keeps at most one empty line between paragraphs', () => {
  it.each([
    ['4998 blank lines', `top${'\n'.repeat(4998)}bottom`, 'top\n\nbottom'],
    ['blank lines from a form (CRLF)', 'a\r\n\r\n\r\n\r\nb', 'a\n\nb'],
    ['lines of spaces and tabs', 'a\n \n\t\n   \nb', 'a\n \nb'],
    ['lines of invisible characters', 'a\n\u200B\n\u3164\n\u2800\n\u00A0\n\u3000\nb', 'a\n\u200B\nb'],
    ['Unicode line and paragraph separators', 'a\u2028\u2028\u2029\u2029b', 'a\n\nb'],
    ['several runs', 'a\n\n\n\nb\n\n\n\nc', 'a\n\nb\n\nc'],
    ['invisible lines before the text', '\u200B\n\u200B\n\u200B\ntext', '\u200B\ntext'],
  ])('collapses %s', (_, raw, expected) => {
    expect(normalizeText(raw)).toBe(expected)
  })

  it.each([
    ['one empty line', 'a\n\nb'],
    ['single line breaks', 'a\nb\nc'],
    ['indentation and tabs inside a line', 'a\n\tb\n  c'],
  ])('keeps %s', (_, text) => {
    expect(normalizeText(text)).toBe(text)
  })

  it('accepts a body of 4998 blank lines between two words, stored as one empty line', () => {
    expect(findTextProblem('body', `a${'\n'.repeat(4998)}b`)).toBeUndefined()
    expect(findTextProblem('body', '\n \n'.repeat(2000))).toBe('body-required')
  })
})

describe(`findTextProblem refuses more than ${MARKS_MAX} marks stacked on one character`, () => {
  it.each([
    ['one letter and 59 combining marks', 'name', `a${acute.repeat(59)}`],
    ['five accents on one letter', 'name', `Ad${acute.repeat(5)}a`],
    ['mixed marks above and below (one composes with its letter)', 'name', 'a\u0300\u0316\u0301\u0317\u0302\u0318'],
    ['enclosing marks', 'name', `a${'\u20DD'.repeat(5)}`],
    ['marks split by a zero-width joiner', 'name', `a${acute.repeat(3)}\u200D${acute.repeat(3)}`],
    ['marks split by a word joiner', 'name', `a${acute.repeat(3)}\u2060${acute.repeat(3)}`],
    ['marks split by combining grapheme joiners', 'name', `a${acute.repeat(3)}\u034F${acute.repeat(3)}`],
    ['Zalgo text in a comment', 'body', `Hello ${'e\u0336\u0337\u0338\u0335\u0334\u0321'.repeat(3)} world`],
  ] as const)('refuses %s', (_, field, text) => {
    expect(findTextProblem(field, text)).toBe(`${field}-too-many-marks`)
  })

  it.each([
    ['four accents on one letter', `a${acute.repeat(4)}`],
    ['accents on every letter', `a${acute}e${acute}i${acute}`.repeat(10)],
    ['decomposed Vietnamese (composed by NFC)', 'Nguye\u0302\u0303n Tie\u0302\u0301n'],
    ['Yoruba with tone and dot below', 'Ọ\u0300ṣọ\u0301'],
    ['Hebrew with points and cantillation', 'שָּׁ֣לוֹם'],
    ['Arabic with vowel marks', 'مُحَمَّد'],
    ['Hindi', 'क्षत्रिय हिन्दी'],
    ['Thai with vowel and tone marks', 'กั้น'],
    ['Burmese (spacing marks are not counted)', 'ကြွေး မြန်မာ'],
    ['Tibetan stacks', 'ཧཱུྃ བསྒྲུབས'],
    ['emoji sequences', 'Family 👨‍👩‍👧 🏳️‍🌈 1️⃣ ❤️‍🔥'],
  ])('accepts %s', (_, text) => {
    expect(findTextProblem('name', text)).toBeUndefined()
    expect(findTextProblem('body', text)).toBeUndefined()
  })

  it('says why, next to the field', () => {
    expect(checkCommentText({ name: `a${acute.repeat(59)}`, body: `b${acute.repeat(9)}` })).toEqual({
      name: [commentErrorMessages['name-too-many-marks']],
      body: [commentErrorMessages['body-too-many-marks']],
    })
    expect(commentErrorMessages['body-too-many-marks']).toBe('Use at most 4 accents or other marks on one letter.')
  })
})
