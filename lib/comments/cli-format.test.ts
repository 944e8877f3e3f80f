import { describe, expect, it } from 'vitest'
import { formatComment, formatListLine, stripTerminalControls } from './cli-format'
import type { StoredComment } from './types'

const comment = (fields: Partial<StoredComment>): StoredComment => ({
  id: 12,
  slug: 'post-a',
  parentId: null,
  name: 'Ada',
  body: 'Nice post.',
  status: 'pending',
  createdAt: '2026-01-01T12:00:00.000Z',
  ...fields,
})

describe('stripTerminalControls', () => {
  it.each([
    ['a colour (CSI)', 'a\x1B[31mred\x1B[0m', 'ared'],
    ['clearing the screen', '\x1B[2J\x1B[Hhello', 'hello'],
    ['a private mode (CSI ?)', '\x1B[?25lhidden cursor', 'hidden cursor'],
    ['an 8-bit CSI', 'a\x9B31mred', 'ared'],
    ['a window title (OSC, BEL)', '\x1B]0;pwned\x07text', 'text'],
    ['a window title (OSC, ST)', '\x1B]2;pwned\x1B\\text', 'text'],
    ['a terminal hyperlink (OSC 8)', '\x1B]8;;https://evil.example\x07click\x1B]8;;\x07', 'click'],
    ['an 8-bit OSC', '\x9D0;pwned\x9Ctext', 'text'],
    ['a device control string', '\x1BPq#0;2;0;0;0\x1B\\text', 'text'],
    ['a two-character escape (reset)', '\x1Bctext', 'text'],
    ['a charset switch', '\x1B(0text', 'text'],
    ['a lone escape', 'a\x1B', 'a'],
    ['backspaces that overwrite', 'spam\b\b\b\bnice', 'spamnice'],
    ['a carriage return that overwrites', 'https://evil.example\rNice post', 'https://evil.exampleNice post'],
    ['a bell, NUL and DEL', 'a\x07\x00b\x7F', 'ab'],
    ['C1 controls', 'a\x85\x8D\x9Fb', 'ab'],
    ['a right-to-left override', 'moc.elpmaxe\u202E', 'moc.elpmaxe'],
    ['isolates and direction marks', '\u2066a\u2069\u200Fb\u061C', 'ab'],
    ['line breaks, by default', 'a\nb\u2028c', 'abc'],
    ['a tab, as a space', 'a\tb', 'a b'],
  ])('removes %s', (_, text, expected) => {
    expect(stripTerminalControls(text)).toBe(expected)
  })

  it('keeps line breaks where asked, and every other character', () => {
    expect(stripTerminalControls('Grüße 😀\nשלום\u2028你好\x1B[1m!', { keepNewlines: true })).toBe(
      'Grüße 😀\nשלום\n你好!',
    )
  })

  it('keeps the text after an unterminated string visible (a terminal would swallow it)', () => {
    expect(stripTerminalControls('\x1B]0;rest of the comment')).toBe('0;rest of the comment')
  })
})

describe('formatListLine', () => {
  it('says that the text is cut, how much is hidden, and that it holds a link', () => {
    const line = formatListLine(
      comment({
        body: `Great article, thanks!${'\n'.repeat(3)}Buy now: spam-pharmacy.example?ref=1 ${'x'.repeat(40)}`,
      }),
    )
    expect(line).toBe(
      '   12  pending   2026-01-01 12:00  post-a  Ada: Great article, thanks! Buy now: spam-pharmacy.example?ref=1…' +
        ' [cut: 41 more characters in 4 lines; `show 12`] [1 link]',
    )
  })

  it('says when a short text had several lines, and when links are only markup', () => {
    expect(formatListLine(comment({ body: 'one\n\ntwo' }))).toMatch(/: one two \[3 lines\]$/)
    expect(formatListLine(comment({ body: '[click](here)' }))).toMatch(/\[link markup\]$/)
    expect(formatListLine(comment({ body: 'Nice post.' }))).toMatch(/: Nice post\.$/)
  })

  it('prints no control sequence from the name, the slug or the text', () => {
    const line = formatListLine(
      comment({ name: 'Ada\x1B[2J', slug: 'post\x1B]0;x\x07-a', body: 'hi\x1B[A\x1B[2K\rapproved' }),
    )
    expect(line).not.toMatch(/[\x00-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/)
    expect(line).toContain('post-a  Ada: hi approved')
  })
})

describe('formatComment', () => {
  it('shows the whole text behind a margin and lists every link, also those after blank lines', () => {
    const shown = formatComment(
      comment({
        parentId: 7,
        body: `Great article!${'\n'.repeat(2)}Visit ｓｐａｍ．example and https://evil.example/x.`,
      }),
    )
    expect(shown).toBe(
      [
        'Comment 12, pending, 2026-01-01T12:00:00.000Z',
        'Post:   post-a (reply to 7)',
        'Name:   Ada',
        'Links:  2',
        '  - spam.example',
        '  - https://evil.example/x',
        'Text:   62 characters, 3 lines',
        '  | Great article!',
        '  | ',
        '  | Visit ｓｐａｍ．example and https://evil.example/x.',
        '',
      ].join('\n'),
    )
  })

  it('lists links in the name too, and says when there are none', () => {
    expect(formatComment(comment({ name: 'www.spam.example' }))).toContain('Links:  1\n  - www.spam.example\n')
    expect(formatComment(comment({}))).toContain('Links:  none\n')
  })

  it('strips control sequences everywhere and says how many characters it did not show', () => {
    const shown = formatComment(
      comment({ name: 'Ada\u202E', slug: 'post-a\x1B[31m', body: 'line one\x1B[1A\x1B[2K\nline two\u202E' }),
    )
    expect(shown).not.toMatch(/[\x00-\x09\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/)
    expect(shown).toContain(
      'Text:   26 characters, 2 lines; 9 control or direction characters not shown\n  | line one\n  | line two\n',
    )
  })
})
