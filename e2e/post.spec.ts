import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const path = '/blog/a-tour-of-the-backend'
const toc = (page: Page) => page.getByRole('navigation', { name: 'Table of contents' })

test('a post has one h1, and every ToC entry links to a heading of the article in order', async ({ page }) => {
  await page.goto(path)
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A tour of the backend')
  await expect(page.locator('#comments')).toBeAttached()

  const hrefs = await toc(page)
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
  const headingIds = await page
    .locator('article .prose')
    .locator('h2, h3')
    .evaluateAll((headings) => headings.map((h) => h.id))
  expect(hrefs.length).toBeGreaterThanOrEqual(9)
  expect(hrefs).toEqual(headingIds.map((id) => `#${id}`))
  await expect(toc(page).getByRole('link', { name: 'Event-driven architecture with Kafka' })).toBeVisible()
})

test('clicking a ToC entry scrolls to its heading, updates the hash and marks it current', async ({ page }) => {
  await page.goto(path)
  await toc(page).getByRole('link', { name: 'Who should learn it' }).click()
  await expect(page).toHaveURL(`${path}#who-should-learn-it`)
  const heading = page.getByRole('heading', { name: 'Who should learn it' })
  await expect(heading).toBeInViewport()
  await expect.poll(() => heading.evaluate((h) => Math.round(h.getBoundingClientRect().top))).toBeLessThan(100)
  await expect(toc(page).getByRole('link', { name: 'Who should learn it' })).toHaveAttribute('aria-current', 'true')
})

test('the current ToC entry follows the reader while scrolling', async ({ page }) => {
  await page.goto(path)
  const current = toc(page).locator('a[aria-current="true"]')

  await page.getByRole('heading', { name: 'Why it matters' }).evaluate((h) => h.scrollIntoView({ behavior: 'instant' }))
  await expect(current).toHaveText('Why it matters')

  await page.getByRole('heading', { name: 'Cloud services' }).evaluate((h) => h.scrollIntoView({ behavior: 'instant' }))
  await expect(current).toHaveText('Cloud services')
  await expect(current).toHaveCount(1)

  // Back up the page: the section above becomes current again.
  await page.getByRole('heading', { name: 'Why it matters' }).evaluate((h) => h.scrollIntoView({ behavior: 'instant' }))
  await page.mouse.wheel(0, 200)
  await expect(current).toHaveText('Why it matters')
})

test('on a wide screen the ToC sits beside the article and stays in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(path)
  const nav = toc(page)
  // The post's body: the first .prose in the article (each comment's body is one too).
  const article = page.locator('article .prose').first()
  const [navBox, articleBox] = [await nav.boundingBox(), await article.boundingBox()]
  expect(navBox && articleBox && navBox.x > articleBox.x + articleBox.width).toBe(true)
  await expect(nav.getByRole('link', { name: 'Introduction' })).toBeVisible()

  await page.getByRole('heading', { name: 'Final thoughts' }).evaluate((h) => h.scrollIntoView({ behavior: 'instant' }))
  await expect(nav.getByRole('link', { name: 'Introduction' })).toBeInViewport()
  await expect(page.locator('html')).toHaveJSProperty('scrollWidth', 1280)
})

test('on a phone the ToC is a collapsed block above the body and the page does not overflow', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.goto(path)
  const nav = toc(page)
  const link = nav.getByRole('link', { name: 'Backend vs frontend' })
  await expect(link).toBeHidden()

  const [navBox, firstParagraph] = [
    await nav.boundingBox(),
    await page.locator('article .prose p').first().boundingBox(),
  ]
  expect(navBox && firstParagraph && navBox.y < firstParagraph.y).toBe(true)
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)

  await nav.getByText('On this page').click()
  await expect(link).toBeVisible()
  await link.click()
  await expect(page).toHaveURL(`${path}#backend-vs-frontend`)
  await expect(page.getByRole('heading', { name: 'Backend vs frontend' })).toBeInViewport()
  await expect(link).toBeHidden()
})

for (const slug of ['a-tour-of-the-backend', 'apis-that-last']) {
  test(`${slug} fits a 360 px screen: code and tables scroll inside themselves`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 })
    await page.goto(`/blog/${slug}`)
    await expect(page.getByRole('table').first()).toBeVisible()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360)
  })
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the ToC is server-rendered and its links work', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.goto(path)
    const link = toc(page).getByRole('link', { name: 'Key technologies' })
    await expect(link).toBeVisible()
    await link.click()
    await expect(page).toHaveURL(`${path}#key-technologies`)
    await expect(page.getByRole('heading', { name: 'Key technologies' })).toBeInViewport()
  })
})
