import { describe, expect, it } from 'vitest'
import { findLinks, hasLink } from './links'
import { decideStatus } from './moderation'

describe('hasLink holds what a reader would read as a link', () => {
  it.each([
    ['a URL', 'see https://example.com'],
    ['a URL in capitals', 'HTTP://EXAMPLE.COM'],
    ['an ftp URL', 'ftp://files'],
    ['a mailto: link', 'mailto:ada'],
    ['a www. name', 'see www.example.com'],
    ['a www. name with an unknown ending', 'www.spam'],
    ['a bare domain', 'spam-pharmacy.example'],
    ['a bare .com domain in capitals', 'Visit CHEAP-PILLS.COM today'],
    ['a bare domain on a spam TLD', 'buy at pills.xyz'],
    ['a domain with only a query', 'spam-pharmacy.example?ref=1'],
    ['a domain with a fragment', 'spam.example#top'],
    ['a domain with a path', 'example.com/path'],
    ['a domain with a port', 'spam.example:8080/x'],
    ['a subdomain', 'a.b.c.spam.example'],
    ['a domain after a colon', 'see:spam.example'],
    ['a domain after a slash', 'x/spam.example'],
    ['a domain in brackets', '(spam.example)'],
    ['a domain at the end of a sentence', 'Go to spam.example.'],
    ['a domain after a run of dots', 'wait...spam.example'],
    ['an email address', 'write to ada@example.com'],
    ['an IP address with a path', '203.0.113.9/x'],
    ['an IP address with a port', '203.0.113.9:80'],
    ['a bare public IP address', 'go to 198.51.100.7 now'],
    ['a Cyrillic IDN domain', 'пример.рф'],
    ['an IDN domain on an ASCII TLD', 'bücher.de'],
    ['a Chinese IDN domain', '例子.中国'],
    ['a punycode domain', 'xn--80ak6aa92e.com'],
    ['a punycode TLD', 'пример.xn--p1ai'],
    ['a homoglyph domain (Cyrillic е)', 'examplе.com'],
    ['fullwidth www and dots (NFKC)', 'ｗｗｗ．example．com'],
    ['a fullwidth URL', 'ｈｔｔｐｓ：／／ｅｘａｍｐｌｅ．ｃｏｍ'],
    ['mathematical bold letters (NFKC)', '𝐞𝐱𝐚𝐦𝐩𝐥𝐞.𝐜𝐨𝐦'],
    ['an ideographic full stop as the dot', 'example。com'],
    ['a halfwidth ideographic full stop as the dot', 'example｡com'],
    ['a one-dot leader as the dot (NFKC)', 'example․com'],
    ['a soft hyphen inside the name', 'spam\u00AD-pharmacy.exam\u00ADple'],
    ['a zero-width space before the dot', 'spam\u200B.com'],
    ['a host after hxxp:// (only the scheme is defanged)', 'hxxp://evil.com'],
    ['a host after another scheme', 'postgres://db.example/x'],
    ['a file name with a path after it', 'README.md/x'],
    ['a file-name-like domain after @', 'ada@notes.md'],
    ['code that ends in a TLD (accepted false positive)', 'logger.info'],
    ['a Markdown link', '[text](x)'],
    ['an HTML link', '<a href=x>'],
    ['a BBCode link', '[url=x]y[/url]'],
    ['a Markdown reference whose address hides behind entities', '[see][r]\n\n[r]: h&#116;tps://evil&#46;com'],
    ['a Markdown shortcut reference', '[r]\n\n> [r]: //evil'],
    ['a Markdown autolink of any scheme', '<irc:evil>'],
    ['a Markdown e-mail autolink without a TLD', '<ada@localhost>'],
  ])('holds %s: %j', (_, text) => {
    expect(hasLink(text)).toBe(true)
  })
})

describe('hasLink publishes what is no link, common in a backend blog', () => {
  it.each([
    ['Node.js and Next.js', 'I use Node.js and Next.js'],
    ['e.g. and i.e.', 'e.g. this, i.e. that, etc.'],
    ['versions', 'v1.2.3, 16.2, PostgreSQL 16.2 and 1.2.3.4.5'],
    ['file names', 'package.json, next.config.ts, tsconfig.json, docker-compose.yml, index.html'],
    ['file names whose extension is a country code', 'README.md, main.py, lib.rs, deploy.sh, libssl.so'],
    ['a file name with a line number', 'see main.py:42'],
    ['method calls whose member is no TLD', 'Date.now() and arr.map(fn) with app.post and res.json'],
    ['a private IP address', 'bind to 0.0.0.0 or 127.0.0.1:3000'],
    ['private network ranges', 'trust 10.0.0.0/8, 172.16.0.0/12 and 192.168.1.1'],
    ['a host without a TLD', 'localhost:3000 and db.internal'],
    ['a defanged domain with [.]', 'example[.]com'],
    ['a defanged domain with (dot)', 'example(dot)com and example dot com'],
    ['a defanged scheme and dot', 'hxxp://evil[.]com'],
    ['abbreviations', 'U.S.A. and Ph.D. at 9 a.m.'],
    ['Cyrillic abbreviations', 'и т.д. и т.п.'],
    ['Chinese sentences with ideographic full stops', '我喜欢这篇文章。中国很大。'],
    ['an email without a TLD', 'root@localhost'],
    ['a bare www.', 'the www. prefix'],
    ['indexing and comparisons', 'arr[0] and map[key] when a<b and b>c'],
    ['a package version', 'install react@19.3.1'],
  ])('publishes %s: %j', (_, text) => {
    expect(hasLink(text)).toBe(false)
  })
})

describe('findLinks', () => {
  it('lists every link as the reader sees it, in order, without trailing punctuation', () => {
    expect(
      findLinks('Hi.\n\n\nBuy at ｓｐａｍ．example?ref=1, or https://evil.example/a/b. Mail ada@example.com!'),
    ).toEqual(['spam.example?ref=1', 'https://evil.example/a/b', 'ada@example.com'])
  })

  it('lists a URL once, not its host again', () => {
    expect(findLinks('see https://www.example.com/x')).toEqual(['https://www.example.com/x'])
  })

  it('finds nothing in plain text', () => {
    expect(findLinks('Node.js v1.2.3 and package.json')).toEqual([])
  })
})

describe('decideStatus', () => {
  it('holds a bare domain in the body or the name under "links"', () => {
    expect(decideStatus({ name: 'Ada', body: 'spam-pharmacy.example' }, 'links')).toBe('pending')
    expect(decideStatus({ name: 'ｗｗｗ．example．com', body: 'hi' }, 'links')).toBe('pending')
    expect(decideStatus({ name: 'Ada', body: 'Node.js, e.g. v1.2.3' }, 'links')).toBe('published')
  })
})

/** Bodies of exactly 5000 code points made of one repeated piece: the shapes that make scanners backtrack. */
function adversarialBodies(): Array<[string, string]> {
  const pieces = [
    'a-',
    'a.',
    'a_',
    'a',
    '-',
    '.',
    '-.',
    'a.-',
    'a.a-',
    '1.',
    '1.1.1.',
    '999.',
    'www.',
    'www',
    'abcdefghi.',
    'a.b/',
    'a.b:',
    'a.b?',
    '](',
    ']( ',
    '[url',
    '<a',
    'http://',
    'http:',
    'https:/',
    'ftp:/',
    'mailto',
    'xn--',
    'a.xn--',
    'a@',
    'a@a.',
    '@.',
    '/',
    '//',
    ':',
    'a:',
    'a.com ',
    'a.md ',
    'README.md:1 ',
    'é.',
    'é',
    'е.',
    '😀.',
    'ｗ．',
    'a。',
    '\u00AD.',
    '\u200Ba.',
    'a\u0301.',
    'a@a.com ',
    'a'.repeat(70) + '@a.com ',
    '@a.com',
    'a.com@',
  ]
  const bodies: Array<[string, string]> = pieces.map((piece) => [JSON.stringify(piece), fill(piece)])
  // A few seeded random mixes of the same pieces, for shapes nobody thought of.
  let seed = 42
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31
  for (let i = 0; i < 8; i++) {
    const mix = Array.from({ length: 4 }, () => pieces[Math.floor(random() * pieces.length)] ?? 'a').join('')
    bodies.push([`mix ${JSON.stringify(mix)}`, fill(mix)])
  }
  // A long run of dotted labels, then a character that makes the whole run fail.
  bodies.push(['dotted run ending in a digit', fill('ab.', 4999) + '1'])
  return bodies
}

function fill(piece: string, length = 5000): string {
  const codePoints = Array.from(piece.repeat(Math.ceil(length / Array.from(piece).length)))
  return codePoints.slice(0, length).join('')
}

function medianMs(run: () => void): number {
  const times: number[] = []
  for (let i = 0; i < 7; i++) {
    const start = performance.now()
    run()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)[3] ?? Infinity
}

describe('link detection is linear', () => {
  it.each(adversarialBodies())('a 5000-code-point body of %s takes < 5 ms (median of 7)', (_, body) => {
    expect(Array.from(body)).toHaveLength(5000)
    hasLink(body)
    expect(medianMs(() => hasLink(body))).toBeLessThan(5)
    expect(medianMs(() => findLinks(body))).toBeLessThan(5)
  })
})
