import AxeBuilder from '@axe-core/playwright'
import { expect, test } from './fixtures'

const pages = [
  { name: 'home', path: '/', status: 200 },
  { name: 'a post', path: '/blog/apis-that-last', status: 200 },
  { name: 'tags', path: '/tags', status: 200 },
  { name: 'search', path: '/search?q=postgresql', status: 200 },
  { name: 'the 404 page', path: '/no-such-page', status: 404 },
]

for (const { name, path, status } of pages) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`${name} has no axe violations (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme })
      const response = await page.goto(path)
      expect(response?.status()).toBe(status)
      const { violations } = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze()
      expect(
        violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`),
      ).toEqual([])
    })
  }
}
