import { describe, expect, it } from 'vitest'
import pg from 'pg'
import { openDb, type Db } from '@/lib/db'
import { engines, openDatabaseForSuite } from '@/test/support/databases'
import { createTestSchema, skipReason, skipWithoutPostgres } from '@/test/support/postgres'
import { listVisibleComments } from './store'
import { submitComment, type SubmitDeps, type SubmitResult } from './submit'
import type { CommentInput } from './schema'

// The use case with its dependencies passed in: a real database, a clock the test moves, and
// recorders for the scheduler, the invalidation and the webhook. No mock of Next.js anywhere.

const roomy = { perClient: 1000, perPost: 1000, perSite: 1000, windowSeconds: 600 }
const posts = new Set([
  'post-a',
  'post-b',
  'limits',
  'post-cap',
  'site-cap',
  'dupe',
  'idem',
  'idem-race',
  'replies',
  'other',
  'honeypot-cap',
  'held-cap',
  'scoped',
  'expiring',
  'forgetful',
  'locked',
])

function testDeps(db: Db, overrides: Partial<SubmitDeps> = {}) {
  let now = Date.parse('2026-06-01T12:00:00Z')
  const record = {
    invalidated: [] as string[],
    scheduled: [] as Array<() => Promise<unknown>>,
    notified: [] as unknown[],
  }
  const deps: SubmitDeps = {
    db,
    now: () => new Date(now),
    schedule: (task) => void record.scheduled.push(task),
    findPost: (slug) =>
      posts.has(slug) ? { slug, title: `Title of ${slug}`, url: `https://blog.example/blog/${slug}` } : undefined,
    settings: {
      moderation: 'links',
      limits: roomy,
      duplicateWindowSeconds: 600,
      editWindowSeconds: 900,
      webhook: { url: 'https://hooks.example/in', timeoutMs: 100 },
    },
    addressKey: async () => 'test-key',
    invalidate: (slug) => void record.invalidated.push(slug),
    // What the outbox row holds: the payload that will be sent (the sending is webhook-outbox.test.ts's).
    deliverWebhook: async (id) => {
      const [row] = await db.query('select payload from webhook_deliveries where id = $1', [id])
      record.notified.push(row?.payload)
    },
    ...overrides,
  }
  return { deps, record, advance: (seconds: number) => void (now += seconds * 1000) }
}

/** A replay answers with the first comment but without its edit secret: only the secret's hash is kept. */
function replayOf(result: SubmitResult) {
  if (result.kind !== 'created') return result
  const { kind, comment } = result
  return { kind, comment }
}

let sequence = 0
const input = (overrides: Partial<CommentInput> = {}): CommentInput => ({
  slug: 'post-a',
  name: 'Ada',
  body: `comment ${++sequence}`,
  ...overrides,
})
const from = (address: string) => ({ address })

for (const engine of engines) {
  describe.skipIf(engine.skip)(`submitComment on ${engine.name}`, () => {
    let db: Db
    openDatabaseForSuite(engine, (opened) => (db = opened))

    it('stores a comment, invalidates its post and schedules the webhook for after the response', async () => {
      const { deps, record } = testDeps(db)
      const result = await submitComment(deps, input({ slug: 'post-b', body: 'Hello' }), from('192.0.2.1'))
      expect(result).toMatchObject({
        kind: 'created',
        isReplay: false,
        comment: { name: 'Ada', body: 'Hello', status: 'published', parentId: null },
      })
      expect(record.invalidated).toEqual(['post-b'])
      expect(record.notified).toEqual([])
      await Promise.all(record.scheduled.map((task) => task()))
      expect(record.notified).toEqual([
        {
          event: 'comment.created',
          comment: result.kind === 'created' && result.comment,
          post: { slug: 'post-b', title: 'Title of post-b', url: 'https://blog.example/blog/post-b' },
          isAwaitingModeration: false,
        },
      ])
      expect((await listVisibleComments(db, 'post-b')).map((comment) => comment.body)).toEqual(['Hello'])
    })

    it('holds a linked comment: no invalidation (nothing visible changed); webhook: awaits moderation', async () => {
      const { deps, record } = testDeps(db)
      const result = await submitComment(deps, input({ body: 'see https://example.com' }), from('192.0.2.2'))
      expect(result).toMatchObject({ kind: 'created', comment: { status: 'pending' } })
      expect(record.invalidated).toEqual([])
      await Promise.all(record.scheduled.map((task) => task()))
      expect(record.notified).toMatchObject([{ isAwaitingModeration: true }])
    })

    it('answers a honeypot hit as held, and stays silent: no invalidation, no webhook', async () => {
      const { deps, record } = testDeps(db)
      const result = await submitComment(deps, input({ website: 'http://spam.example' }), from('192.0.2.3'))
      expect(result).toMatchObject({ kind: 'created', comment: { status: 'pending' } })
      expect([record.invalidated, record.scheduled]).toEqual([[], []])
      if (result.kind !== 'created') throw new Error(result.kind)
      expect(await db.query('select id from webhook_deliveries where comment_id = $1', [result.comment.id])).toEqual([])
    })

    it('stores no webhook delivery when no webhook is configured', async () => {
      const { deps, record } = testDeps(db)
      const result = await submitComment(
        { ...deps, settings: { ...deps.settings, webhook: undefined } },
        input(),
        from('192.0.2.30'),
      )
      if (result.kind !== 'created') throw new Error(result.kind)
      expect(record.scheduled).toEqual([])
      expect(await db.query('select id from webhook_deliveries where comment_id = $1', [result.comment.id])).toEqual([])
    })

    it('gives webhook and e-mail the same moderation links, mails even without a webhook; never for spam', async () => {
      const mailed: unknown[] = []
      const links = (id: number) => ({
        url: `https://blog.example/moderate/${id}?token=t`,
        actions: { approve: 'a', delete: 'd', spam: 's' },
        expiresAt: '2026-06-08T12:00:00.000Z',
      })
      const { deps, record } = testDeps(db, {
        moderationLinks: links,
        notifyEmail: async (payload) => void mailed.push(payload),
      })
      const result = await submitComment(deps, input({ body: 'see https://example.com/mail' }), from('192.0.2.30'))
      const id = result.kind === 'created' ? result.comment.id : 0
      await Promise.all(record.scheduled.map((task) => task()))
      expect(record.notified).toMatchObject([{ isAwaitingModeration: true, moderation: links(id) }])
      expect(mailed).toEqual(record.notified)

      const withoutWebhook = testDeps(db, {
        moderationLinks: links,
        notifyEmail: async (payload) => void mailed.push(payload),
      })
      withoutWebhook.deps.settings = { ...withoutWebhook.deps.settings, webhook: undefined }
      await submitComment(withoutWebhook.deps, input({ body: 'see https://example.com/alone' }), from('192.0.2.31'))
      expect(withoutWebhook.record.scheduled).toHaveLength(1)
      await submitComment(withoutWebhook.deps, input({ website: 'http://spam.example' }), from('192.0.2.32'))
      expect(withoutWebhook.record.scheduled).toHaveLength(1)
    })

    it('refuses a post that is not published, storing nothing', async () => {
      const { deps, record } = testDeps(db)
      expect(await submitComment(deps, input({ slug: 'draft-post' }), from('192.0.2.4'))).toEqual({ kind: 'not-found' })
      expect(await listVisibleComments(db, 'draft-post')).toEqual([])
      expect(record.invalidated).toEqual([])
    })

    it("attaches a reply's reply to the top comment; refuses unknown, hidden or other posts' parents", async () => {
      const { deps } = testDeps(db)
      const create = async (overrides: Partial<CommentInput>) => {
        const result = await submitComment(deps, input({ slug: 'replies', ...overrides }), from('192.0.2.5'))
        if (result.kind !== 'created') throw new Error(result.kind)
        return result.comment
      }
      const top = await create({})
      const reply = await create({ parentId: top.id })
      const replyToReply = await create({ parentId: reply.id })
      expect([reply.parentId, replyToReply.parentId]).toEqual([top.id, top.id])
      const held = await create({ body: 'www.example.com' })
      const elsewhere = await create({ slug: 'other' })
      for (const parentId of [999_999, held.id, elsewhere.id]) {
        expect(await submitComment(deps, input({ slug: 'replies', parentId }), from('192.0.2.5'))).toEqual({
          kind: 'invalid-parent',
        })
      }
    })

    it("replays an idempotency key's first comment (no second invalidation or webhook); refuses new text", async () => {
      const { deps, record } = testDeps(db)
      const first = await submitComment(
        deps,
        input({ slug: 'idem', body: 'same', idempotencyKey: 'key-1' }),
        from('192.0.2.6'),
      )
      const again = await submitComment(
        deps,
        input({ slug: 'idem', body: 'same', idempotencyKey: 'key-1' }),
        from('192.0.2.6'),
      )
      expect(again).toEqual({ ...replayOf(first), isReplay: true })
      expect(record.invalidated).toEqual(['idem'])
      expect(record.scheduled).toHaveLength(1)
      expect(
        await submitComment(
          deps,
          input({ slug: 'idem', body: 'different', idempotencyKey: 'key-1' }),
          from('192.0.2.6'),
        ),
      ).toEqual({
        kind: 'idempotency-mismatch',
      })
    })

    it('stores one row for concurrent requests with one key', async () => {
      const { deps } = testDeps(db)
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          submitComment(
            deps,
            input({ slug: 'idem-race', body: 'race', idempotencyKey: 'key-race' }),
            from('192.0.2.7'),
          ),
        ),
      )
      expect(new Set(results.map((result) => (result.kind === 'created' ? result.comment.id : result.kind))).size).toBe(
        1,
      )
      expect(await listVisibleComments(db, 'idem-race')).toHaveLength(1)
    })

    it('refuses the same text from the same client on the same post within the window, accepts it after', async () => {
      const { deps, advance } = testDeps(db)
      expect(await submitComment(deps, input({ slug: 'dupe', body: 'hello' }), from('192.0.2.8'))).toMatchObject({
        kind: 'created',
      })
      expect(await submitComment(deps, input({ slug: 'dupe', body: 'hello' }), from('192.0.2.8'))).toEqual({
        kind: 'duplicate',
      })
      expect(await submitComment(deps, input({ slug: 'dupe', body: 'hello' }), from('192.0.2.9'))).toMatchObject({
        kind: 'created',
      })
      advance(601)
      expect(await submitComment(deps, input({ slug: 'dupe', body: 'hello' }), from('192.0.2.8'))).toMatchObject({
        kind: 'created',
      })
    })

    it('enforces the per-client limit under concurrent load, with the wait until the oldest one leaves', async () => {
      const { deps, advance } = testDeps(db, {})
      deps.settings = { ...deps.settings, limits: { ...roomy, perClient: 3 } }
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          submitComment(deps, input({ slug: 'limits', body: `burst ${i}` }), from('198.51.100.1')),
        ),
      )
      expect(results.filter((result) => result.kind === 'created')).toHaveLength(3)
      advance(100)
      expect(await submitComment(deps, input({ slug: 'limits' }), from('198.51.100.1'))).toEqual({
        kind: 'rate-limited',
        scope: 'client',
        retryAfterSeconds: 500,
      })
      expect(await submitComment(deps, input({ slug: 'limits' }), from('198.51.100.2'))).toMatchObject({
        kind: 'created',
      })
      advance(501)
      expect(await submitComment(deps, input({ slug: 'limits' }), from('198.51.100.1'))).toMatchObject({
        kind: 'created',
      })
    })

    it('lets readers write when bots fill honeypot or moderation queue: hidden comments have own budgets', async () => {
      const { deps } = testDeps(db)
      deps.settings = { ...deps.settings, limits: { ...roomy, perPost: 3 } }
      // Six addresses fill the honeypot past the post's limit: only more honeypot hits are refused.
      const bots = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          submitComment(deps, input({ slug: 'honeypot-cap', website: 'x' }), from(`198.18.0.${i}`)),
        ),
      )
      expect(bots.filter((result) => result.kind === 'created')).toHaveLength(3)
      expect(bots.filter((result) => result.kind === 'rate-limited')).toHaveLength(3)
      expect(
        await submitComment(deps, input({ slug: 'honeypot-cap', body: 'A real reader' }), from('198.18.1.1')),
      ).toMatchObject({ kind: 'created', comment: { status: 'published' } })
      // Held comments (links) fill their own budget the same way.
      for (let i = 0; i < 3; i++)
        await submitComment(deps, input({ slug: 'held-cap', body: `see www.example${i}.com` }), from(`198.18.2.${i}`))
      expect(
        await submitComment(deps, input({ slug: 'held-cap', body: 'www.example9.com' }), from('198.18.2.9')),
      ).toMatchObject({ kind: 'rate-limited', scope: 'post' })
      expect(
        await submitComment(deps, input({ slug: 'held-cap', body: 'No link here' }), from('198.18.2.10')),
      ).toMatchObject({ kind: 'created', comment: { status: 'published' } })
    })

    it("scopes idempotency keys to client and post: another client's same key and text is a new comment", async () => {
      const { deps } = testDeps(db)
      const first = await submitComment(
        deps,
        input({ slug: 'scoped', body: 'Same words', idempotencyKey: 'shared-key' }),
        from('203.0.113.50'),
      )
      const stranger = await submitComment(
        deps,
        input({ slug: 'scoped', body: 'Same words', idempotencyKey: 'shared-key' }),
        from('203.0.113.51'),
      )
      expect(first).toMatchObject({ kind: 'created', isReplay: false })
      expect(stranger).toMatchObject({ kind: 'created', isReplay: false })
      expect(stranger.kind === 'created' && first.kind === 'created' && stranger.comment.id !== first.comment.id).toBe(
        true,
      )
      // A stranger cannot squat a key either: the first client's retry still replays its own comment.
      expect(
        await submitComment(
          deps,
          input({ slug: 'scoped', body: 'Same words', idempotencyKey: 'shared-key' }),
          from('203.0.113.50'),
        ),
      ).toEqual({ ...replayOf(first), isReplay: true })
    })

    it('forgets an idempotency key after 24 hours: the same key then makes a new comment', async () => {
      const { deps, advance } = testDeps(db)
      const first = await submitComment(
        deps,
        input({ slug: 'expiring', body: 'Once a day', idempotencyKey: 'daily' }),
        from('203.0.113.60'),
      )
      advance(23 * 3600)
      expect(
        await submitComment(
          deps,
          input({ slug: 'expiring', body: 'Once a day', idempotencyKey: 'daily' }),
          from('203.0.113.60'),
        ),
      ).toEqual({ ...replayOf(first), isReplay: true })
      advance(3600 + 1)
      const later = await submitComment(
        deps,
        input({ slug: 'expiring', body: 'Once a day', idempotencyKey: 'daily' }),
        from('203.0.113.60'),
      )
      expect(later).toMatchObject({ kind: 'created', isReplay: false })
      expect(later.kind === 'created' && first.kind === 'created' && later.comment.id !== first.comment.id).toBe(true)
    })

    it('keeps no address hash longer than the longest window, nor any key past 24 hours', async () => {
      const { deps, advance } = testDeps(db)
      const first = await submitComment(deps, input({ slug: 'forgetful', idempotencyKey: 'k1' }), from('203.0.113.70'))
      const hashOf = async (id: number) =>
        (await db.query('select client_hash, idempotency_key from comments where id = $1', [id]))[0]
      if (first.kind !== 'created') throw new Error(first.kind)
      expect(await hashOf(first.comment.id)).toMatchObject({
        client_hash: expect.any(String),
        idempotency_key: expect.any(String),
      })
      advance(601)
      await submitComment(deps, input({ slug: 'forgetful' }), from('203.0.113.71'))
      expect(await hashOf(first.comment.id)).toMatchObject({ client_hash: null, idempotency_key: expect.any(String) })
      advance(24 * 3600)
      await submitComment(deps, input({ slug: 'forgetful' }), from('203.0.113.72'))
      expect(await hashOf(first.comment.id)).toEqual({ client_hash: null, idempotency_key: null })
    })

    it('enforces the per-post and site limits, whoever sends the comments', async () => {
      const { deps } = testDeps(db)
      deps.settings = { ...deps.settings, limits: { ...roomy, perPost: 2 } }
      await submitComment(deps, input({ slug: 'post-cap' }), from('203.0.113.1'))
      await submitComment(deps, input({ slug: 'post-cap' }), from('203.0.113.2'))
      expect(await submitComment(deps, input({ slug: 'post-cap' }), from('203.0.113.3'))).toMatchObject({
        kind: 'rate-limited',
        scope: 'post',
      })
      deps.settings = { ...deps.settings, limits: { ...roomy, perSite: 1 } }
      expect(await submitComment(deps, input({ slug: 'site-cap' }), from('203.0.113.4'))).toMatchObject({
        kind: 'rate-limited',
        scope: 'site',
      })
    })
  })
}

describe.skipIf(skipWithoutPostgres)(
  `refused comments never wait for the write lock${skipWithoutPostgres ? ` (${skipReason})` : ''}`,
  () => {
    it('answers a duplicate or over-limit post while another instance holds the lock; accepted ones wait', async () => {
      const schema = await createTestSchema('lock')
      const db = await openDb({ url: schema.url, poolMax: 4, pgliteDir: 'unused' })
      const holder = new pg.Client({ connectionString: schema.url })
      try {
        const { deps } = testDeps(db)
        deps.settings = { ...deps.settings, limits: { ...roomy, perClient: 1 } }
        expect(await submitComment(deps, input({ slug: 'locked', body: 'first' }), from('192.0.2.200'))).toMatchObject({
          kind: 'created',
        })
        await holder.connect()
        await holder.query('begin')
        await holder.query('select pg_advisory_xact_lock(727274002)')
        const refused = await Promise.race([
          Promise.all([
            submitComment(deps, input({ slug: 'locked', body: 'first' }), from('192.0.2.200')),
            submitComment(deps, input({ slug: 'locked', body: 'second' }), from('192.0.2.200')),
          ]),
          new Promise((resolve) => setTimeout(resolve, 5_000, 'waited for the lock')),
        ])
        expect(refused).toEqual([
          { kind: 'duplicate' },
          expect.objectContaining({ kind: 'rate-limited', scope: 'client' }),
        ])
        let isAccepted = false
        const accepted = submitComment(
          deps,
          input({ slug: 'locked', body: 'from someone else' }),
          from('192.0.2.201'),
        ).then((result) => ((isAccepted = true), result))
        await new Promise((resolve) => setTimeout(resolve, 300))
        expect(isAccepted).toBe(false)
        await holder.query('commit')
        expect(await accepted).toMatchObject({ kind: 'created' })
      } finally {
        await holder.end().catch(() => undefined)
        await db.close()
        await schema.drop()
      }
    })
  },
)
