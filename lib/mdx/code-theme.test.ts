import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { bundledLanguages, createHighlighter, type BundledLanguage } from 'shiki'
import { describe, expect, it } from 'vitest'
import { codeThemes } from './code-themes'

const root = path.resolve(import.meta.dirname, '../..')
const css = readFileSync(path.join(root, 'app/globals.css'), 'utf8')

function cssColor(name: string): string {
  const match = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)
  if (!match?.[1]) throw new Error(`--${name} not found in globals.css`)
  return match[1]
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, bl = 0] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
    })
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl
  }
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05)
}

// The code of every post, plus samples of the token kinds posts tend to have (comments, strings,
// keywords, numbers, regexes, decorators, diff lines) in the languages a backend blog uses.
const postsDir = path.join(root, 'content/posts')
const fences = readdirSync(postsDir).flatMap((file) =>
  [...readFileSync(path.join(postsDir, file), 'utf8').matchAll(/^```(\w+)[^\n]*\n([\s\S]*?)^```/gm)].map(
    ([, lang = '', code = '']) => ({ lang, code }),
  ),
)
const samples = [
  { lang: 'ts', code: '// comment\n/** doc */\n@decorator class A<T> { #x = /a+/g; s = `t${1}` }\nenum E { A = 1 }' },
  { lang: 'sql', code: "-- comment\nSELECT id, 'text', 42 FROM orders WHERE a IS NULL ORDER BY 1;" },
  { lang: 'bash', code: '# comment\nexport A=1 && echo "$A" | grep -v x > /dev/null' },
  { lang: 'yaml', code: '# comment\nkey: [1, "two", true]' },
  { lang: 'python', code: '# comment\ndef f(x: int) -> str:\n    """doc"""\n    return f"{x}"' },
  { lang: 'go', code: '// comment\nfunc main() { fmt.Println("x", 1) }' },
  { lang: 'diff', code: '@@ -1 +1 @@\n- old\n+ new' },
  { lang: 'json', code: '{"a": 1, "b": [true, null, "s"]}' },
]

describe('code block colours meet WCAG AA (4.5:1) in both themes', async () => {
  const isBundled = (lang: string): lang is BundledLanguage => Object.hasOwn(bundledLanguages, lang)
  const blocks = [...fences, ...samples].flatMap(({ lang, code }) => (isBundled(lang) ? [{ lang, code }] : []))
  const langs = [...new Set(blocks.map((block) => block.lang))]
  const highlighter = await createHighlighter({ themes: Object.values(codeThemes), langs })

  it.each([
    ['light', codeThemes.light, ['code-bg-light', 'code-highlight-light']],
    ['dark', codeThemes.dark, ['code-bg-dark', 'code-highlight-dark']],
  ] as const)('%s theme (%s)', (_, theme, backgrounds) => {
    const colors = new Set<string>([highlighter.getTheme(theme).fg.toLowerCase()])
    for (const { lang, code } of blocks) {
      for (const line of highlighter.codeToTokensBase(code, { lang, theme })) {
        for (const token of line) if (token.color) colors.add(token.color.toLowerCase().slice(0, 7))
      }
    }
    expect(colors.size).toBeGreaterThan(5)
    for (const background of backgrounds.map(cssColor)) {
      const failing = [...colors].filter((color) => contrast(color, background) < 4.5)
      expect(failing, `colours below 4.5:1 on ${background}`).toEqual([])
    }
  })

  it('the check itself fails the themes it replaced', async () => {
    const old = await createHighlighter({ themes: ['github-dark'], langs: ['ts'] })
    const comment = old.codeToTokensBase('// comment', { lang: 'ts', theme: 'github-dark' })[0]?.[0]?.color ?? ''
    expect(contrast(comment.slice(0, 7), cssColor('code-bg-dark'))).toBeLessThan(4.5)
  })
})
