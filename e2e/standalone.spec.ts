import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures'
import { unique } from './support/comments'
import { realPostSlug as slug } from './support/real-site'
import { startProductionServer } from '../lib/tooling/production-server.mjs'

// The Docker image holds .next/standalone and nothing else (Dockerfile). Started inside the project,
// the server would quietly load whatever the build failed to trace from the project's node_modules;
// a copy in a temporary folder, run as the image runs it, proves the folder is complete.
test('a copy of .next/standalone outside the project serves pages, assets and comments and stops cleanly', async () => {
  test.setTimeout(300_000)
  const dir = mkdtempSync(path.join(tmpdir(), 'standalone-'))
  cpSync('.next/standalone', dir, { recursive: true })
  const env = { PGLITE_DIR: path.join(dir, '.data/pglite'), COMMENT_MODERATION: 'off', COMMENT_WEBHOOK_URL: '' }
  // The server entry, as the Docker image runs it (CMD in the Dockerfile).
  const server = await startProductionServer(env, { root: dir, script: 'lib/server/start.mjs' })
  try {
    const page = await fetch(`${server.url}/blog/${slug}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    // The post itself: its title and its comment form, whichever post that is.
    expect(html).toMatch(/<h1[^>]*>[^<]+<\/h1>/)
    expect(html).toContain('id="comment-form"')
    const chunks = [...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1])
    expect(chunks.length).toBeGreaterThan(0)
    for (const [url, type] of [
      [chunks[0], 'javascript'],
      [`/blog/${slug}/opengraph-image`, 'image/png'],
      ['/pagefind/pagefind.js', 'javascript'],
      ['/api/health', 'application/json'],
    ]) {
      const response = await fetch(`${server.url}${url}`)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toContain(type)
    }

    const text = unique('from a copy of the standalone folder')
    const posted = await fetch(`${server.url}/api/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ slug, name: 'Standalone', body: text }),
    })
    expect(posted.status, await posted.clone().text()).toBe(201)
    const listed = (await (await fetch(`${server.url}/api/comments?slug=${slug}`)).json()) as {
      comments: Array<{ body: string | null }>
    }
    expect(listed.comments.map((comment) => comment.body)).toContain(text)

    server.child.kill('SIGTERM')
    expect(await server.exited, server.output()).toBe(0)
  } finally {
    server.child.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
})
