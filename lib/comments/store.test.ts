import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '@/lib/db'
import { createTestSchema, skipReason, skipWithoutPostgres } from '@/test/support/postgres'
import { hashBody } from './hash'
import type { RateLimits } from './rate-limit'
import { createComment, exportComments, importComments, listComments, listForModeration, setCommentStatus, type NewComment } from './store'

const roomy: RateLimits = { perClient: 1000, perPost: 1000, perSite: 1000, windowSeconds: 600 }
let sequence = 0
const draft = (overrides: Partial<NewComment> = {}): NewComment => {
  const body = overrides.body ?? `comment ${++sequence}`
  return { slug: 'post-a', name: 'Ada', body, status: 'published', clientHash: 'client-1', bodyHash: hashBody(body), ...overrides }
}

async function created(db: Db, overrides: Partial<NewComment> = {}, limits = roomy) {
  const result = await createComment(db, draft(overrides), limits)
  if (result.kind !== 'created') throw new Error(`expected created, got ${result.kind}`)
  return result.comment
}

const engines = [
  { name: 'PGlite', skip: false, open: async () => ({ db: await openDb({ PGLITE_DIR: 'memory://', DATABASE_POOL_MAX: 10 }), drop: async () => {} }) },
  {
    name: 'PostgreSQL',
    skip: skipWithoutPostgres,
    open: async () => {
      const schema = await createTestSchema('store')
      return { db: await openDb({ DATABASE_URL: schema.url, DATABASE_POOL_MAX: 10, PGLITE_DIR: 'unused' }), drop: schema.drop }
    },
  },
]

for (const engine of engines) {
  describe.skipIf(engine.skip)(`comment store on ${engine.name}${engine.skip ? ` (${skipReason})` : ''}`, () => {
    let db: Db
    let drop: () => Promise<void>
    beforeAll(async () => {
      ;({ db, drop } = await engine.open())
    })
    afterAll(async () => {
      await db?.close()
      await drop?.()
    })

    it('lists published comments of one post, oldest first, with database timestamps as ISO strings', async () => {
      const first = await created(db, { slug: 'list', body: 'first' })
      await created(db, { slug: 'list', body: 'held', status: 'pending' })
      await created(db, { slug: 'list', body: 'bot', status: 'spam' })
      await created(db, { slug: 'other', body: 'elsewhere' })
      const second = await created(db, { slug: 'list', body: 'second' })
      const comments = await listComments(db, 'list')
      expect(comments.map((c) => c.body)).toEqual(['first', 'second'])
      expect(comments[0]).toEqual({ id: first.id, parentId: null, name: 'Ada', body: 'first', createdAt: first.createdAt, status: 'published' })
      expect(Date.parse(second.createdAt)).toBeGreaterThanOrEqual(Date.parse(first.createdAt))
      expect(second.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    })

    it('attaches a reply to a reply to the top-level comment, and refuses parents that are unknown, hidden or on another post', async () => {
      const top = await created(db, { slug: 'replies' })
      const reply = await created(db, { slug: 'replies', parentId: top.id })
      const replyToReply = await created(db, { slug: 'replies', parentId: reply.id })
      expect([reply.parentId, replyToReply.parentId]).toEqual([top.id, top.id])

      const held = await created(db, { slug: 'replies', status: 'pending' })
      const elsewhere = await created(db, { slug: 'not-replies' })
      for (const parentId of [999_999, held.id, elsewhere.id]) {
        expect(await createComment(db, draft({ slug: 'replies', parentId }), roomy)).toEqual({ kind: 'invalid-parent' })
      }
    })

    it('soft-deletes: the parent becomes a placeholder without its text and its replies stay; a removed comment without replies disappears', async () => {
      const parent = await created(db, { slug: 'deleting', name: 'Parent', body: 'parent text' })
      const reply = await created(db, { slug: 'deleting', parentId: parent.id, body: 'reply text' })
      const lonely = await created(db, { slug: 'deleting', body: 'lonely' })
      await setCommentStatus(db, parent.id, 'deleted')
      await setCommentStatus(db, lonely.id, 'deleted')
      const comments = await listComments(db, 'deleting')
      expect(comments).toEqual([
        { id: parent.id, parentId: null, name: null, body: null, createdAt: parent.createdAt, status: 'deleted' },
        { ...reply, status: 'published' },
      ])
    })

    it('replays an idempotency key (same id), refuses it with another body, and stores one row for concurrent requests', async () => {
      const first = await createComment(db, draft({ slug: 'idem', idempotencyKey: 'key-1', body: 'same' }), roomy)
      const again = await createComment(db, draft({ slug: 'idem', idempotencyKey: 'key-1', body: 'same' }), roomy)
      expect(first.kind === 'created' && again.kind === 'created' && again.comment.id === first.comment.id && again.isReplay).toBe(true)
      expect(await createComment(db, draft({ slug: 'idem', idempotencyKey: 'key-1', body: 'different' }), roomy)).toEqual({ kind: 'idempotency-mismatch' })

      const results = await Promise.all(
        Array.from({ length: 8 }, () => createComment(db, draft({ slug: 'idem-race', idempotencyKey: 'key-race', body: 'race' }), roomy)),
      )
      const ids = new Set(results.map((result) => (result.kind === 'created' ? result.comment.id : result.kind)))
      expect(ids.size).toBe(1)
      expect(await listComments(db, 'idem-race')).toHaveLength(1)
    })

    it('answers a honeypot hit to its author as held, and never lists it', async () => {
      const spam = await created(db, { slug: 'honeypot', status: 'spam' })
      expect(spam).toMatchObject({ status: 'pending', name: 'Ada' })
      expect(await listComments(db, 'honeypot')).toEqual([])
    })

    it('refuses the same body from the same client on the same post within 10 minutes', async () => {
      await created(db, { slug: 'dupe', body: 'hello', clientHash: 'c-dupe' })
      expect(await createComment(db, draft({ slug: 'dupe', body: 'hello', clientHash: 'c-dupe' }), roomy)).toEqual({ kind: 'duplicate' })
      await created(db, { slug: 'dupe', body: 'hello', clientHash: 'c-other' })
      await created(db, { slug: 'dupe-elsewhere', body: 'hello', clientHash: 'c-dupe' })
    })

    it('enforces the per-client, per-post and site limits, also under concurrent requests', async () => {
      const window = { ...roomy, perClient: 3 }
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => createComment(db, draft({ slug: 'limits', clientHash: 'c-limit', body: `burst ${i}` }), window)),
      )
      expect(results.filter((r) => r.kind === 'created')).toHaveLength(3)
      const refused = results.find((r) => r.kind === 'rate-limited')
      expect(refused).toMatchObject({ kind: 'rate-limited', scope: 'client' })
      expect(refused?.kind === 'rate-limited' && refused.retryAfterSeconds).toBeGreaterThan(590)
      // Another client is still welcome.
      await created(db, { slug: 'limits', clientHash: 'c-limit-2' }, window)

      const perPost = { ...roomy, perPost: 2 }
      await created(db, { slug: 'post-cap', clientHash: 'x1' }, perPost)
      await created(db, { slug: 'post-cap', clientHash: 'x2' }, perPost)
      expect(await createComment(db, draft({ slug: 'post-cap', clientHash: 'x3' }), perPost)).toMatchObject({ kind: 'rate-limited', scope: 'post' })

      const recent = (await listForModeration(db)).length
      expect(await createComment(db, draft({ slug: 'site-cap', clientHash: 'y' }), { ...roomy, perSite: recent })).toMatchObject({
        kind: 'rate-limited',
        scope: 'site',
      })
    })

    it('exports every comment and imports them into an empty database with ids, replies and statuses intact', async () => {
      const exported = await exportComments(db)
      expect(exported.length).toBeGreaterThan(10)
      const target = await openDb({ PGLITE_DIR: 'memory://', DATABASE_POOL_MAX: 1 })
      try {
        expect(await importComments(target, exported, hashBody)).toEqual({ imported: exported.length, skipped: 0 })
        expect(await exportComments(target)).toEqual(exported)
        expect(await importComments(target, exported, hashBody)).toEqual({ imported: 0, skipped: exported.length })
        // New comments get ids after the imported ones.
        const next = await created(target, { slug: 'after-import' })
        expect(next.id).toBeGreaterThan(Math.max(...exported.map((c) => c.id)))
      } finally {
        await target.close()
      }
    })
  })
}
