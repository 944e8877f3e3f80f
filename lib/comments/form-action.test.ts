import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

// The no-JavaScript form's Server Action, called as Next.js calls it (previous state, FormData), with
// Next's request-scoped functions recorded: the request headers, updateTag, redirect and after.
process.env.DATABASE_URL = ''
process.env.PGLITE_DIR = 'memory://'
// What the server entry (lib/server/start.mjs) sets: the key the socket address is signed with.
process.env.PEER_ADDRESS_SECRET = 'test key for the peer address'

let requestHeaders = new Headers()
const updated: string[] = []
const revalidated: Array<{ tag: string; profile: unknown }> = []
class Redirect extends Error {
  constructor(readonly location: string) {
    super(`redirect to ${location}`)
  }
}
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }))
vi.mock('next/cache', () => ({
  cacheLife: () => {},
  cacheTag: () => {},
  updateTag: (tag: string) => void updated.push(tag),
  revalidateTag: (tag: string, profile: unknown) => void revalidated.push({ tag, profile }),
}))
vi.mock('next/navigation', () => ({
  redirect: (location: string) => {
    throw new Redirect(location)
  },
}))
vi.mock('next/server', async (importOriginal) => ({
  ...(await importOriginal<typeof import('next/server')>()),
  after: () => {},
}))
// A fixture post to comment on, not the real content (test/support/posts.ts).
vi.mock('@/lib/posts', () => import('@/test/support/posts'))

const { postCommentFromForm } = await import('./form-action')
const { idleFormState } = await import('./form-state')
const { formatPeerAddress, PEER_ADDRESS_HEADER } = await import('@/lib/server/peer-address.mjs')
const { closeDb } = await import('@/lib/db')
const { fixturePost } = await import('@/test/support/posts')
afterAll(() => closeDb())

const { slug } = fixturePost
let client = 0

function form(fields: Record<string, string>) {
  const data = new FormData()
  // What React adds to identify the action: not a comment field, and never refused as one.
  data.set('$ACTION_ID_0123456789abcdef', '')
  for (const [name, value] of Object.entries({ slug, parentId: '', website: '', ...fields })) data.set(name, value)
  return data
}

/** The action's answer: its state, or the place it redirected to. */
async function submit(fields: Record<string, string>) {
  try {
    return { state: await postCommentFromForm(idleFormState, form(fields)) }
  } catch (error) {
    if (error instanceof Redirect) return { location: error.location }
    throw error
  }
}

beforeEach(() => {
  updated.length = 0
  revalidated.length = 0
  requestHeaders = new Headers({
    host: '127.0.0.1:3110',
    [PEER_ADDRESS_HEADER]: formatPeerAddress(`198.51.100.${++client}`, 'test key for the peer address'),
  })
})

describe('the comment form without JavaScript', () => {
  it("redirects to the new comment on the post page and expires the post's cached page so it shows there", async () => {
    const answer = await submit({ name: 'Form', body: 'no js\r\nhere' })
    expect(answer.location).toMatch(new RegExp(`^/blog/${slug}#comment-\\d+$`))
    // The post's page and the site-wide feed of new comments at once; the lists' count goes stale.
    expect(updated).toEqual([`comments:${slug}`, 'comments'])
    expect(revalidated).toEqual([{ tag: `comment-count:${slug}`, profile: 'max' }])
  })

  it('redirects a held comment to the "awaiting moderation" note, with no page to expire', async () => {
    expect(await submit({ name: 'Form', body: 'www.example.com' })).toEqual({
      location: `/blog/${slug}#comment-pending`,
    })
    expect(updated).toEqual([])
  })

  it('answers a refused comment with every character the reader typed and a message per field', async () => {
    const body = `${'x'.repeat(5001)} ünïcödé 😀\r\n`
    const { state } = await submit({ name: '', body })
    expect(state).toEqual({
      status: 'refused',
      values: { name: '', body, parentId: '' },
      fieldErrors: { name: ['Enter your name.'], body: ['Use at most 5,000 characters.'] },
      message: 'Your comment was not posted: Enter your name. Use at most 5,000 characters.',
    })
    expect(updated).toEqual([])
  })

  it("answers plain data: React binds state to the re-rendered form, can't encode null-prototype objects", async () => {
    const { state } = await submit({ name: '', body: '' })
    const objects: unknown[] = []
    JSON.stringify(
      state,
      (_key, value: unknown) => (
        typeof value === 'object' && value !== null && !Array.isArray(value) && objects.push(value),
        value
      ),
    )
    expect(objects.length).toBeGreaterThan(2)
    for (const object of objects) expect(Object.getPrototypeOf(object)).toBe(Object.prototype)
  })

  it('keeps the reply it was for when the parent is refused, with the message on that field', async () => {
    const { state } = await submit({ name: 'Ada', body: 'A reply', parentId: '999999' })
    expect(state).toMatchObject({
      status: 'refused',
      values: { parentId: '999999' },
      fieldErrors: { parentId: ['The comment you are replying to does not exist on this post.'] },
    })
  })

  it('refuses a post from another site, storing nothing', async () => {
    requestHeaders.set('origin', 'https://evil.example')
    const { state } = await submit({ name: 'Ada', body: 'csrf' })
    expect(state).toMatchObject({
      status: 'refused',
      message: 'Your comment was not posted: Comments can only be posted from this site.',
    })
  })

  it('says when the same text was just posted (a double click), next to the text', async () => {
    expect((await submit({ name: 'Ada', body: 'Twice' })).location).toBeDefined()
    const { state } = await submit({ name: 'Ada', body: 'Twice' })
    expect(state).toMatchObject({
      status: 'refused',
      fieldErrors: { body: ['You already posted this comment a moment ago.'] },
    })
  })
})
