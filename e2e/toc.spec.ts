import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// The current entry after jumps: the page moves in one step, so a heading may pass from below the
// reading line to above the viewport without ever crossing a band at the top.
const path = '/blog/a-tour-of-the-backend'
const current = (page: Page) =>
  page.getByRole('navigation', { name: 'Table of contents' }).locator('a[aria-current="true"]')

/** Waits until the page stops scrolling (keyboard and restored scrolling are animated). */
async function waitForScrollToSettle(page: Page) {
  let previous = -1
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(() => window.scrollY)
        const isStill = now === previous
        previous = now
        return isStill
      },
      { intervals: [100] },
    )
    .toBe(true)
}

/**
 * The section a reader is in: the last heading at or above the place where a jump to a heading
 * puts it (its scroll margin, give or take a few pixels); at the very bottom of the page, the last
 * heading in view (a short last section never gets to the top).
 */
function sectionAtTop(page: Page) {
  return page.evaluate(() => {
    const headings = [...document.querySelectorAll<HTMLElement>('article .prose :is(h2, h3)')]
    const isAtBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
    const landing = parseFloat(getComputedStyle(headings[0] ?? document.body).scrollMarginTop) + 8
    const line = isAtBottom ? window.innerHeight : landing
    return headings.filter((heading) => heading.getBoundingClientRect().top <= line).at(-1)?.textContent ?? null
  })
}

test.use({ viewport: { width: 1280, height: 720 } })

test('opening a URL with #heading marks that heading', async ({ page }) => {
  await page.goto(`${path}#cloud-services`)
  await expect(current(page)).toHaveText('Cloud services')
  await expect(current(page)).toHaveCount(1)
})

test('clicking an entry far down the page marks it, and so does going back to an entry above', async ({ page }) => {
  await page.goto(path)
  const toc = page.getByRole('navigation', { name: 'Table of contents' })
  await toc.getByRole('link', { name: 'Backend vs frontend' }).click()
  await expect(current(page)).toHaveText('Backend vs frontend')
  await toc.getByRole('link', { name: 'Why it matters' }).click()
  await expect(current(page)).toHaveText('Why it matters')
})

test('a heading scrolled into view in one step is marked, in either direction', async ({ page }) => {
  await page.goto(path)
  for (const name of ['Why it matters', 'Core responsibilities', 'Key technologies', 'Data models', 'Introduction']) {
    await page.getByRole('heading', { name }).evaluate((heading) => heading.scrollIntoView({ behavior: 'instant' }))
    await expect(current(page)).toHaveText(name)
  }
})

test('Page Down marks the section the reader has reached, each time', async ({ page }) => {
  await page.goto(path)
  for (let press = 0; press < 6; press++) {
    await page.keyboard.press('PageDown')
    await waitForScrollToSettle(page)
    const section = await sectionAtTop(page)
    if (section === null) continue
    await expect(current(page)).toHaveText(section)
  }
  expect(await sectionAtTop(page)).not.toBeNull()
})

test('End marks the last section, and Home the section at the top again', async ({ page }) => {
  await page.goto(path)
  await page.keyboard.press('End')
  await waitForScrollToSettle(page)
  await expect(current(page)).toHaveText('Final thoughts')
  await page.keyboard.press('Home')
  await waitForScrollToSettle(page)
  const top = await sectionAtTop(page)
  if (top === null) await expect(current(page)).toHaveCount(0)
  else await expect(current(page)).toHaveText(top)
})

test('a reload at a scrolled position marks the section there', async ({ page }) => {
  await page.goto(path)
  await page
    .getByRole('heading', { name: 'Core responsibilities' })
    .evaluate((heading) => heading.scrollIntoView({ behavior: 'instant' }))
  await expect(current(page)).toHaveText('Core responsibilities')
  await page.reload()
  await waitForScrollToSettle(page)
  const section = await sectionAtTop(page)
  expect(section).not.toBeNull()
  await expect(current(page)).toHaveText(section ?? '')
})
