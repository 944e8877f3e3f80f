import { expect, test } from './fixtures'

const path = '/blog/apis-that-last'

test('a figure shows its image, with alt text and a caption, at its own size', async ({ page }) => {
  await page.goto(path)
  const figure = page
    .getByRole('figure')
    .filter({ has: page.getByRole('img', { name: /^Sequence diagram: the client posts an order/ }) })
  await expect(figure).toContainText('The response to the first POST is lost.')
  const image = figure.getByRole('img')
  await image.scrollIntoViewIfNeeded()
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(720)
  await expect(image).toHaveAttribute('width', '720')
  await expect(image).toHaveAttribute('height', '400')
})

test('a warning callout is a note with its title and Markdown inside', async ({ page }) => {
  await page.goto(path)
  const callout = page.getByRole('note').filter({ hasText: 'Decide on day one' })
  await expect(callout).toBeVisible()
  await expect(callout.locator('code')).toHaveText(['If-Match', '428'])
})
