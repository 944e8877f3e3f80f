import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search posts' })
const results = (page: Page) => page.getByRole('list', { name: 'Search results' })
const status = (page: Page) => page.getByRole('status')

test('the header links to search, and a word found only in a post body finds that post', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
  await expect(page).toHaveURL('/search')
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()

  // "Terraform" is in one paragraph of the fixture post "A tour of the backend": not its title, summary,
  // tags or headings.
  await searchBox(page).fill('terraform')
  await expect(status(page)).toHaveText('1 post matches “terraform”.')
  await expect(page).toHaveURL('/search?q=terraform')
  const hit = results(page).getByRole('listitem')
  await expect(hit).toHaveCount(1)
  await expect(hit.getByRole('link', { name: 'A tour of the backend' })).toHaveAttribute(
    'href',
    '/blog/a-tour-of-the-backend',
  )
  // The section the word is in links to its heading; the match is highlighted as text.
  await expect(hit.getByRole('link', { name: 'Cloud services' })).toHaveAttribute(
    'href',
    '/blog/a-tour-of-the-backend#cloud-services',
  )
  await expect(hit.locator('mark')).toHaveText(['Terraform'])
  await expect(hit).toContainText('Infrastructure as code with Terraform or OpenTofu')

  await hit.getByRole('link', { name: 'A tour of the backend' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('A tour of the backend')
})

test('text typed while the search page is still loading its code is searched, and keeps the focus', async ({
  page,
}) => {
  let isHoldingScripts = false
  await page.route('**/_next/static/chunks/*.js', async (route) => {
    if (isHoldingScripts) await new Promise((resolve) => setTimeout(resolve, 2000))
    await route.continue()
  })
  await page.goto('/')
  // From here on, every script the home page did not load (the search page's own code) comes late.
  isHoldingScripts = true
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible()
  await searchBox(page).fill('terraform')
  await expect(status(page)).toHaveText('1 post matches “terraform”.')
  await expect(searchBox(page)).toHaveValue('terraform')
  await expect(searchBox(page)).toBeFocused()
})

test('fast typing keeps every letter while earlier queries are still being searched', async ({ page }) => {
  await page.goto('/search')
  await searchBox(page).focus()
  const query = 'idempotency keys with postgresql and retries'
  await page.keyboard.type(`${query}xy`)
  // Corrections too: the query in the URL is the box's, whatever was searched in between.
  await page.keyboard.press('Backspace')
  await page.keyboard.press('Backspace')
  await expect(searchBox(page)).toHaveValue(query)
  await expect(page).toHaveURL(`/search?q=${encodeURIComponent(query).replaceAll('%20', '+')}`)
  await expect(status(page)).toHaveText(/“idempotency keys with postgresql and retries”/)
})

test('nonsense finds nothing and says so', async ({ page }) => {
  await page.goto('/search')
  await searchBox(page).fill('zzqxvbnm')
  await expect(status(page)).toHaveText('No posts match “zzqxvbnm”. Try fewer or different words.')
  await expect(results(page)).toHaveCount(0)
})

test('tags, headings and summaries are searchable too', async ({ page }) => {
  await page.goto('/search?q=postgresql')
  await expect(results(page).getByRole('link', { name: 'APIs that last' })).toBeVisible()
  await page.goto('/search?q=microservices')
  await expect(results(page).getByRole('link', { name: 'A tour of the backend' })).toBeVisible()
  // Only the summaries of the fixture series' three posts speak of slugs.
  await page.goto('/search?q=slugs')
  await expect(status(page)).toHaveText('3 posts match “slugs”.')
})

test('a query typed in the box is in the URL, and a reload searches it again', async ({ page }) => {
  await page.goto('/search')
  await expect(page.getByRole('search')).toHaveAttribute('data-hydrated', 'true')
  await searchBox(page).fill('terraform')
  await expect(page).toHaveURL('/search?q=terraform')
  await expect(status(page)).toHaveText('1 post matches “terraform”.')

  await page.reload()
  await expect(searchBox(page)).toHaveValue('terraform')
  await expect(status(page)).toHaveText('1 post matches “terraform”.')
  await expect(results(page).getByRole('link', { name: 'A tour of the backend' })).toBeVisible()
})

test('typing replaces the query in one history entry: Back to the empty search, Forward to the last query', async ({
  page,
}) => {
  await page.goto('/search')
  await expect(page.getByRole('search')).toHaveAttribute('data-hydrated', 'true')
  await searchBox(page).fill('terraform')
  await expect(page).toHaveURL('/search?q=terraform')
  await searchBox(page).fill('etag')
  await expect(page).toHaveURL('/search?q=etag')
  await expect(status(page)).toHaveText('1 post matches “etag”.')

  await page.goBack()
  await expect(page).toHaveURL('/search')
  await expect(searchBox(page)).toHaveValue('')
  await expect(status(page)).toHaveText('')
  await expect(results(page)).toHaveCount(0)

  await page.goForward()
  await expect(page).toHaveURL('/search?q=etag')
  await expect(searchBox(page)).toHaveValue('etag')
  await expect(results(page).getByRole('link', { name: 'APIs that last' })).toBeVisible()
})

test('?q= in the URL searches on load, and Back/Forward restore earlier searches', async ({ page }) => {
  await page.goto('/search?q=idempotency')
  await expect(searchBox(page)).toHaveValue('idempotency')
  await expect(results(page).getByRole('link', { name: 'APIs that last' })).toBeVisible()

  await searchBox(page).fill('terraform')
  await searchBox(page).press('Enter')
  await expect(page).toHaveURL('/search?q=terraform')
  await expect(status(page)).toHaveText('1 post matches “terraform”.')

  await page.goBack()
  await expect(page).toHaveURL('/search?q=idempotency')
  await expect(searchBox(page)).toHaveValue('idempotency')
  await expect(results(page).getByRole('link', { name: 'APIs that last' })).toBeVisible()

  await page.goForward()
  await expect(searchBox(page)).toHaveValue('terraform')
  await expect(status(page)).toHaveText('1 post matches “terraform”.')
})

test('search works with the keyboard alone', async ({ page }) => {
  await page.goto('/search')
  await searchBox(page).focus()
  await page.keyboard.type('etag')
  await page.keyboard.press('Enter')
  await expect(status(page)).toHaveText('1 post matches “etag”.')
  await page.keyboard.press('Tab') // the Search button
  await page.keyboard.press('Tab') // the first result
  await expect(results(page).getByRole('link', { name: 'APIs that last' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL('/blog/apis-that-last')
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the form still puts the query in the URL and explains that search needs JavaScript', async ({ page }) => {
    await page.goto('/search')
    await searchBox(page).fill('kafka')
    await page.getByRole('button', { name: 'Search' }).click()
    await expect(page).toHaveURL('/search?q=kafka')
    // Playwright turns scripts off without making Chromium parse <noscript> as markup, so check the
    // server's HTML: a browser with JavaScript off shows this paragraph.
    const html = await (await page.request.get('/search?q=kafka')).text()
    expect(html).toMatch(/<noscript><p[^>]*>Search runs in your browser and needs JavaScript\./)
  })
})
