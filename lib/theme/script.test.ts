import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { themeScript } from './script'
import { resolveTheme, THEME_STORAGE_KEY } from './theme'

/** Runs the inline script as a browser would, with the given stored choice and system setting. */
function runScript(stored: string | null, prefersDark: boolean, storageThrows = false) {
  const dataset: Record<string, string> = {}
  runInNewContext(themeScript, {
    localStorage: {
      getItem: (key: string) => {
        if (storageThrows) throw new Error('SecurityError')
        return key === THEME_STORAGE_KEY ? stored : null
      },
    },
    matchMedia: (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && prefersDark }),
    document: { documentElement: { dataset } },
  })
  return dataset.theme
}

describe('the inline theme script', () => {
  it.each([
    [null, false, 'light'],
    [null, true, 'dark'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
    ['nonsense', true, 'dark'],
  ])('stored %s, system dark %s → %s, the same as the toggle decides', (stored, prefersDark, expected) => {
    expect(runScript(stored, prefersDark)).toBe(expected)
    expect(resolveTheme(stored, prefersDark)).toBe(expected)
  })

  it('sets nothing when storage is blocked, so the CSS falls back to the system setting', () => {
    expect(runScript('dark', false, true)).toBeUndefined()
  })

  it('is a small, static text that is safe to inline', () => {
    expect(themeScript.length).toBeLessThan(300)
    // Inside <script> only these could end it early or change how it parses.
    expect(themeScript).not.toMatch(/<\/script|<!--/i)
  })
})
