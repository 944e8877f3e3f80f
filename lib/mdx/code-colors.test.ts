import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { codeColorsCss, loadCodePalettes, tokenClasses } from './code-colors'

describe('code token colours as classes', async () => {
  const palettes = await loadCodePalettes()

  it('app/code-colors.css is the stylesheet of the current code themes (else run `npm run code-colors`)', () => {
    const committed = readFileSync(new URL('../../app/code-colors.css', import.meta.url), 'utf8')
    expect(committed).toBe(codeColorsCss(palettes))
  })

  it('turns a token style of two palette colours into a class per theme, each meaning that colour', () => {
    const light = palettes.light[5] ?? ''
    const dark = palettes.dark[6] ?? ''
    expect(tokenClasses(`--shiki-light:${light};--shiki-dark:${dark}`, palettes)).toBe('cl5 cd6')
    expect(tokenClasses(`--shiki-light:${light.toLowerCase()};--shiki-dark:${dark}`, palettes)).toBe('cl5 cd6')
    const css = codeColorsCss(palettes)
    expect(css).toContain(`.cl5 { --shiki-light: ${light}; }`)
    expect(css).toContain(`.cd6 { --shiki-dark: ${dark}; }`)
  })

  it('leaves a style it cannot express alone: a font style, or a colour outside the palette', () => {
    const [light = '', dark = ''] = [palettes.light[1], palettes.dark[1]]
    expect(
      tokenClasses(`--shiki-light:${light};--shiki-dark:${dark};--shiki-light-font-style:italic`, palettes),
    ).toBeUndefined()
    expect(tokenClasses(`--shiki-light:#123456;--shiki-dark:${dark}`, palettes)).toBeUndefined()
    expect(tokenClasses('color:red', palettes)).toBeUndefined()
  })
})
