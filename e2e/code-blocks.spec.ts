import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures'

const path = '/blog/apis-that-last'
const source = readFileSync('test/fixtures/content/site/posts/apis-that-last.mdx', 'utf8')
/** The text of the post's fenced code blocks, as the author wrote them. */
const fences = [...source.matchAll(/^```\w+[^\n]*\n([\s\S]*?)\n^```/gm)].map((match) => match[1])

test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

test('the copy button copies the code exactly, without line numbers, and says so', async ({ page }) => {
  await page.goto(path)
  const blocks = page.locator('article [data-code-block]')
  // The keyset SQL block has a blank line; the handler block has line numbers.
  const sql = blocks.filter({ hasText: 'orders_customer_created_id_idx' })
  await sql.getByRole('button', { name: 'Copy code' }).click()
  await expect(sql.getByRole('status')).toHaveText('Copied')
  await expect(sql.getByRole('button', { name: 'Copied code' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    fences.find((code) => code?.includes('orders_customer_created_id_idx')),
  )

  const handler = blocks.filter({ hasText: 'import { createHash } from "node:crypto";' })
  await expect(handler.locator('code[data-line-numbers]')).toHaveCount(1)
  await handler.getByRole('button', { name: 'Copy code' }).focus()
  await page.keyboard.press('Enter')
  await expect(handler.getByRole('status')).toHaveText('Copied')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toBe(fences.find((code) => code?.startsWith('import { createHash } from "node:crypto";')))
  expect(copied.startsWith('1')).toBe(false)
})

test('code blocks show their language, highlighted lines and line numbers', async ({ page }) => {
  await page.goto(path)
  const sql = page.locator('article [data-code-block]').filter({ hasText: 'orders_customer_created_id_idx' })
  await expect(sql.getByText('Language: sql')).toBeAttached()
  await expect(sql.locator('[data-highlighted-line]')).toHaveText(['  AND (created_at, id) < ($2::timestamptz, $3)'])
  const firstNumber = await page
    .locator('code[data-line-numbers] > [data-line]')
    .first()
    .evaluate((line) => getComputedStyle(line, '::before').content)
  expect(firstNumber).toBe('counter(line)')
})

// The token colours of the two code themes (lib/mdx/code-themes.ts), as app/code-colors.css sets them.
for (const [colorScheme, keyword, comment] of [
  ['light', 'rgb(160, 17, 31)', 'rgb(102, 112, 123)'],
  ['dark', 'rgb(255, 123, 114)', 'rgb(139, 148, 158)'],
] as const) {
  test(`code is highlighted in the ${colorScheme} theme's colours`, async ({ page }) => {
    await page.emulateMedia({ colorScheme })
    await page.goto(path)
    const sql = page.locator('article [data-code-block]').filter({ hasText: 'orders_customer_created_id_idx' })
    await expect(sql.getByText('-- The equality filter first, then the sort keys.')).toHaveCSS('color', comment)
    await expect(sql.getByText('CREATE', { exact: true })).toHaveCSS('color', keyword)
  })
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('code blocks have no copy button, and keep their language label', async ({ page }) => {
    await page.goto(path)
    await expect(page.getByRole('button', { name: 'Copy code' })).toHaveCount(0)
    await expect(page.locator('article [data-code-block]').first()).toContainText('sql')
  })
})
