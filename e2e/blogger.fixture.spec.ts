import { readFileSync } from 'node:fs'
import { XMLParser } from 'fast-xml-parser'
import type { Page } from '@playwright/test'
import { z } from 'zod'
import { commentsSection } from './support/comments'
import { expect, test } from './fixtures'

// Against the fixture site, into which scripts/build-fixture-site.mjs imports the Blogger fixture
// test/fixtures/blogger/feed.atom (posts, images, redirects) and playwright.config.ts its comments.

// Read here straight from the export, not from the importer's output: the old addresses to check.
const entrySchema = z.object({
  type: z.string(),
  status: z.string(),
  title: z.string(),
  filename: z.string().optional(),
  category: z.array(z.object({ '@_term': z.string() })).default([]),
})
const entries = z.object({ feed: z.object({ entry: z.array(entrySchema) }) }).parse(
  new XMLParser({
    ignoreAttributes: false,
    removeNSPrefix: true,
    isArray: (name) => name === 'entry' || name === 'category',
  }).parse(readFileSync('test/fixtures/blogger/feed.atom', 'utf8')),
).feed.entry
const livePosts = entries.filter((entry) => entry.type === 'POST' && entry.status === 'LIVE')
const labels = [...new Set(livePosts.flatMap((entry) => entry.category.map((category) => category['@_term'])))]

/** The post itself: its <article> holds the comments' <article>s too. */
const postArticle = (page: Page) => page.getByRole('article').filter({ has: page.getByRole('heading', { level: 1 }) })
const commentAuthors = (page: Page) => commentsSection(page).getByRole('article').getByRole('heading', { level: 3 })

test('an imported post has its text, code, image and table, and links its labels as tags', async ({ page }) => {
  await page.goto('/blog/what-is-backend-engineering')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is backend engineering?')
  const article = postArticle(page)
  await expect(article).toContainText('so latency < 200 ms is a fair first target')
  await expect(article).toContainText('answers with JSON such as {"status": "ok"}')
  // Blogger's h3/h4 become ## and ###: the title is the page's only h1.
  for (const name of ['What happens when you click', 'A first handler', 'What comes next']) {
    await expect(article.getByRole('heading', { level: 2, name })).toBeVisible()
  }
  await expect(article.getByRole('heading', { level: 3, name: 'Status codes you will meet' })).toBeVisible()
  const code = article.locator('[data-code-block]')
  await expect(code).toContainText("app.get('/health'")
  await expect(code).toContainText('Language: js')
  const image = article.getByRole('img', {
    name: 'A request goes from the browser to the API, then the database, and back',
  })
  await expect(image).toBeVisible()
  expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true)
  await expect(article.getByRole('table').getByRole('row')).toHaveCount(4)
  await expect(article.getByRole('cell', { name: 'Try again later' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Tags' }).getByRole('link')).toHaveText(['Backend', 'Getting started'])
})

test('what could not be converted is shown as a note, and a missing image as a link to it', async ({ page }) => {
  await page.goto('/blog/postgresql-indexes-cafe')
  const notes = postArticle(page).getByRole('note')
  await expect(notes).toHaveCount(2)
  await expect(notes.first()).toContainText('Not converted from Blogger')
  await expect(notes.first()).toContainText('a table with merged cells or block content')
  await expect(notes.nth(1)).toContainText('an embedded YouTube video')
  await expect(notes.nth(1).getByRole('link', { name: 'Open it' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=HubezKbFL7E',
  )
  await expect(
    page.getByRole('link', { name: 'Image: EXPLAIN output: an index scan instead of a sequential scan' }),
  ).toHaveAttribute(
    'href',
    'https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsEh8xQm2Wc/s1600/explain-plan.png',
  )
  await page.getByRole('list', { name: 'Tags' }).getByRole('link', { name: 'Bases de données' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Posts tagged “Bases de données”')
})

test('comments are on the right posts, oldest first, replies under their thread and the deleted one left out', async ({
  page,
}) => {
  await page.goto('/blog/what-is-backend-engineering')
  await expect(commentsSection(page).getByRole('heading', { level: 2 })).toHaveText('4 comments')
  await expect(commentAuthors(page)).toHaveText(['Alice Martin', 'Backend Playbook', 'Bob', 'Chloé Dubois'])
  const replies = commentsSection(page).getByRole('list', { name: 'Replies' })
  await expect(replies).toHaveCount(1)
  // Bob answered the author's reply: the site shows one level, so he joins Alice's thread.
  await expect(replies.getByRole('heading', { level: 3 })).toHaveText(['Backend Playbook', 'Bob'])
  await expect(replies).toContainText(
    'Microservices, by Martin Fowler (https://martinfowler.com/articles/microservices.html)',
  )
  await expect(commentsSection(page)).toContainText(
    'Is a response like {"ok": true} always JSON? And is latency < 100 ms realistic',
  )
  await expect(commentsSection(page)).not.toContainText('Cheap watches')

  await page.goto('/blog/postgresql-indexes-cafe')
  await expect(commentAuthors(page)).toHaveText(['Zoë', 'Anonymous', 'Дмитрий', 'Backend Playbook'])
  await expect(commentsSection(page).getByRole('list', { name: 'Replies' })).toHaveCount(2)
})

test('every old post address in the export, and its ?m=1 mobile variant, answers 308 with its new page', async ({
  request,
}) => {
  expect(livePosts).toHaveLength(2)
  for (const post of livePosts) {
    const name = post.filename
      ?.split('/')
      .pop()
      ?.replace(/\.html$/, '')
    for (const query of ['', '?m=1']) {
      const response = await request.get(`${post.filename}${query}`, { maxRedirects: 0 })
      expect(response.status(), `${post.filename}${query}`).toBe(308)
      // Next.js carries the query over; the page is the same static page, its canonical URL without it.
      expect(response.headers().location).toBe(`/blog/${name}${query}`)
      const page = await request.get(`/blog/${name}${query}`)
      expect(page.status()).toBe(200)
      expect(await page.text()).toContain(`<h1`)
      expect(await page.text()).toContain(post.title)
    }
  }
})

test('every label page and the feed answer 308 with their new address', async ({ request }) => {
  expect(labels).toEqual(['Backend', 'Getting started', 'Bases de données', 'PostgreSQL'])
  for (const label of labels) {
    const response = await request.get(`/search/label/${encodeURIComponent(label)}`, { maxRedirects: 0 })
    expect(response.status(), label).toBe(308)
    const location = response.headers().location ?? ''
    expect(location).toMatch(/^\/tags\/[^/]+$/)
    const tagPage = await request.get(location)
    expect(tagPage.status(), location).toBe(200)
    expect(await tagPage.text()).toContain(`Posts tagged “${label}”`)
  }
  const feedResponse = await request.get('/feeds/posts/default', { maxRedirects: 0 })
  expect(feedResponse.status()).toBe(308)
  expect(feedResponse.headers().location).toBe('/feed.xml')
  expect((await request.get('/feed.xml')).headers()['content-type']).toContain('xml')
})

test('the draft, the trashed post and the page are not published, and their old addresses are not redirected', async ({
  request,
}) => {
  for (const path of [
    '/blog/notes-on-connection-pooling',
    '/blog/spring-sale',
    '/2024/03/spring-sale.html',
    '/p/about.html',
  ]) {
    expect((await request.get(path, { maxRedirects: 0 })).status(), path).toBe(404)
  }
})
