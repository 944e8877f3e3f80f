import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { themeScript } from '../lib/theme/script'

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' })

/**
 * Records, before any of the page's own scripts run, what the document looks like at the two
 * moments that decide a flash: when <body> starts (the theme attribute must already be there) and
 * in the first animation frame, which runs just before the first paint (its background colour).
 */
async function watchFirstPaint(page: Page) {
  await page.addInitScript(() => {
    const record: Record<string, string | undefined> = {}
    Object.assign(window, { __firstPaint: record })
    new MutationObserver((_, observer) => {
      if (!document.body) return
      record.themeAtBody = document.documentElement.dataset.theme
      observer.disconnect()
    }).observe(document, { childList: true, subtree: true })
    requestAnimationFrame(() => {
      record.themeAtFirstFrame = document.documentElement.dataset.theme
      record.backgroundAtFirstFrame = document.body ? getComputedStyle(document.body).backgroundColor : undefined
    })
  })
}

async function firstPaint(page: Page) {
  await expect.poll(() => page.evaluate(() => Reflect.get(window, '__firstPaint')?.backgroundAtFirstFrame)).toBeTruthy()
  return page.evaluate(() => ({ ...Reflect.get(window, '__firstPaint') }) as Record<string, string>)
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor)

test('the theme script runs first in <head>, exactly as written', async ({ request }) => {
  const html = await (await request.get('/')).text()
  // The first script with a body (the others are Next.js's async files, which never touch the theme).
  const inline = /<script>([\s\S]*?)<\/script>/.exec(html)
  expect(inline?.[1]).toBe(themeScript)
  expect(inline?.index).toBeLessThan(html.indexOf('</head>'))
  // Server HTML carries no theme: the script decides it, so a static page suits every reader.
  expect(html).not.toMatch(/<html[^>]*data-theme/)
})

test.describe('on a system in light mode', () => {
  test.use({ colorScheme: 'light' })

  test('choosing Dark applies at once and is the first thing painted after every reload', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    const light = await bodyBackground(page)

    await themeSelect(page).selectOption('Dark')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    const dark = await bodyBackground(page)
    expect(dark).not.toBe(light)

    await watchFirstPaint(page)
    for (const path of ['/', '/blog/a-tour-of-the-backend']) {
      await page.goto(path)
      expect(await firstPaint(page)).toEqual({
        themeAtBody: 'dark',
        themeAtFirstFrame: 'dark',
        backgroundAtFirstFrame: dark,
      })
      await expect(themeSelect(page)).toHaveValue('dark')
    }

    // Back to following the system: the stored choice is removed.
    await themeSelect(page).selectOption('System')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull()
    await page.reload()
    expect(await firstPaint(page)).toEqual({
      themeAtBody: 'light',
      themeAtFirstFrame: 'light',
      backgroundAtFirstFrame: light,
    })
  })

  test('"System" follows the operating system when it changes', async ({ page }) => {
    await page.goto('/')
    await expect(themeSelect(page)).toHaveValue('system')
    await page.emulateMedia({ colorScheme: 'dark' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
    await page.emulateMedia({ colorScheme: 'light' })
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  })
})

test.describe('on a system in dark mode', () => {
  test.use({ colorScheme: 'dark' })

  test('the page starts dark, and a Light choice wins over the system after reload', async ({ page }) => {
    await watchFirstPaint(page)
    await page.goto('/search')
    expect((await firstPaint(page)).themeAtBody).toBe('dark')

    await themeSelect(page).selectOption('Light')
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
    await page.reload()
    expect(await firstPaint(page)).toMatchObject({ themeAtBody: 'light', themeAtFirstFrame: 'light' })
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false, colorScheme: 'dark' })

  test('the page follows the system theme and shows no toggle that could not work', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/)
    expect(await bodyBackground(page)).not.toBe('rgb(255, 255, 255)')
    await expect(themeSelect(page)).toHaveCount(0)
  })
})
