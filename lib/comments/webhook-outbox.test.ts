import { describe, expect, it, vi } from 'vitest'
import type { Db } from '@/lib/db'
import { engines, openDatabaseForSuite } from '@/test/support/databases'
import { hashBody } from './hash'
import { insertComment } from './store'
import type { WebhookPayload } from './webhook'
import {
  claimWebhookDelivery,
  deliverWebhook,
  insertWebhookDelivery,
  listPendingWebhookDeliveries,
  redeliverWebhooks,
  retryPolicy,
  type DeliveryDeps,
} from './webhook-outbox'

// The outbox on both engines, with a clock that moves only when the code waits, and a receiver
// that answers what each test tells it to.

const policy = retryPolicy(1000)
const start = Date.parse('2026-06-01T12:00:00Z')

function payloadFor(commentId: number): WebhookPayload {
  return {
    event: 'comment.created',
    comment: {
      id: commentId,
      parentId: null,
      name: 'Ada',
      body: 'hello',
      status: 'published',
      createdAt: new Date(start).toISOString(),
      editedAt: null,
    },
    post: { slug: 'outbox', title: 'Outbox', url: 'https://blog.example/blog/outbox' },
    isAwaitingModeration: false,
  }
}

/** `answers`: the receiver's answers in turn (true is a 2xx), or a rule per payload. */
function testDeps(db: Db, answers: boolean[] | ((payload: unknown) => boolean) = []) {
  let now = start
  const sent: Array<{ url: string; payload: unknown; timeoutMs: number; at: number }> = []
  const waits: number[] = []
  const deps: DeliveryDeps = {
    db,
    now: () => new Date(now),
    webhook: { url: 'https://hooks.example/in', timeoutMs: 500 },
    notify: async (url, payload, timeoutMs) => {
      sent.push({ url, payload, timeoutMs, at: now })
      return typeof answers === 'function' ? answers(payload) : (answers.shift() ?? true)
    },
    wait: async (ms) => {
      waits.push(ms)
      now += ms
    },
    policy,
  }
  return { deps, sent, waits, advance: (ms: number) => void (now += ms) }
}

for (const engine of engines) {
  describe.skipIf(engine.skip)(`webhook outbox on ${engine.name}`, () => {
    let db: Db
    openDatabaseForSuite(engine, (opened) => (db = opened))

    /** A comment and its delivery, stored together as submitComment stores them. */
    async function storeDelivery(): Promise<{ id: number; payload: WebhookPayload }> {
      return db.transaction(async (tx) => {
        const comment = await insertComment(tx, {
          slug: 'outbox',
          parentId: null,
          name: 'Ada',
          body: `hello ${Math.random()}`,
          status: 'published',
          clientHash: 'client',
          bodyHash: hashBody('hello'),
          idempotencyKey: undefined,
          createdAt: new Date(start),
        })
        const payload = payloadFor(comment.id)
        return { id: await insertWebhookDelivery(tx, comment.id, payload, new Date(start)), payload }
      })
    }

    const stateOf = async (id: number) =>
      (await db.query('select attempts, delivered_at, last_error from webhook_deliveries where id = $1', [id]))[0]

    it('keeps no delivery when the comment transaction rolls back', async () => {
      const before = await db.query('select count(*)::int as n from webhook_deliveries')
      await expect(
        db.transaction(async (tx) => {
          const [row] = await tx.query(
            `insert into comments (post_slug, name, body, body_hash)
             values ('outbox', 'Ada', 'rolled back', 'x') returning id`,
          )
          await insertWebhookDelivery(tx, Number(row?.id), payloadFor(Number(row?.id)), new Date(start))
          throw new Error('the comment failed after all')
        }),
      ).rejects.toThrow('failed after all')
      expect(await db.query('select count(*)::int as n from webhook_deliveries')).toEqual(before)
    })

    it('sends the stored payload to the configured URL once and marks it delivered on a 2xx', async () => {
      const { id, payload } = await storeDelivery()
      const { deps, sent, waits } = testDeps(db, [true])
      expect(await deliverWebhook(deps, id)).toBe(true)
      expect(sent).toEqual([{ url: 'https://hooks.example/in', payload, timeoutMs: 500, at: start }])
      expect(waits).toEqual([])
      expect(await stateOf(id)).toEqual({ attempts: 1, delivered_at: new Date(start), last_error: null })
      // Delivered is final: a second call (another process, a restart) sends nothing.
      expect(await deliverWebhook(deps, id)).toBe(true)
      expect(sent).toHaveLength(1)
      expect(await listPendingWebhookDeliveries(db, policy)).not.toContain(id)
    })

    it('retries a failed delivery after 1 s, then 4 s, and stops at the budget it was given', async () => {
      const { id } = await storeDelivery()
      const { deps, sent, waits } = testDeps(db, [false, false, false])
      expect(await deliverWebhook(deps, id, policy.attemptsAfterResponse)).toBe(false)
      expect(sent.map(({ at }) => at - start)).toEqual([0, 1000, 5000])
      expect(waits).toEqual([1000, 4000])
      expect(await stateOf(id)).toMatchObject({ attempts: 3, delivered_at: null, last_error: 'attempt 3 failed' })
      expect(await listPendingWebhookDeliveries(db, policy)).toContain(id)
    })

    it('lets one process at a time attempt a delivery: the claim holds the row until the backoff is over', async () => {
      const { id } = await storeDelivery()
      const now = new Date(start)
      expect(await claimWebhookDelivery(db, id, now, policy)).toMatchObject({ kind: 'claimed', attempts: 1 })
      expect(await claimWebhookDelivery(db, id, now, policy)).toEqual({
        kind: 'not-due',
        dueAt: new Date(start + 1000),
      })
      expect(await claimWebhookDelivery(db, id, new Date(start + 1000), policy)).toMatchObject({
        kind: 'claimed',
        attempts: 2,
      })
      expect(await claimWebhookDelivery(db, 999_999, now, policy)).toEqual({ kind: 'missing' })
    })

    it('sends once when two processes deliver the same row at the same time', async () => {
      const { id } = await storeDelivery()
      const first = testDeps(db)
      const second = testDeps(db)
      const results = await Promise.all([deliverWebhook(first.deps, id), deliverWebhook(second.deps, id)])
      expect(first.sent.length + second.sent.length).toBe(1)
      expect(results).toContain(true)
      expect(await stateOf(id)).toMatchObject({ attempts: 1, delivered_at: expect.any(Date) })
    })

    it('redelivers at start-up what an earlier process left, after its backoff; gives up at 5 attempts', async () => {
      const error = vi.spyOn(console, 'error').mockImplementation(() => {})
      // The process that stored these failed three times each, then stopped.
      const late = await storeDelivery()
      const hopeless = await storeDelivery()
      const crashed = testDeps(db, [false, false, false, false, false, false])
      await deliverWebhook(crashed.deps, late.id, 3)
      await deliverWebhook(crashed.deps, hopeless.id, 3)
      const done = await storeDelivery()
      await deliverWebhook(testDeps(db).deps, done.id)

      // The next process starts 2 s later: the backoff after the third attempt is 16 s.
      const commentOf = (payload: unknown) => (payload as WebhookPayload).comment.id
      const restarted = testDeps(db, (payload) => commentOf(payload) !== hopeless.payload.comment.id)
      restarted.advance(2000)
      const pending = await listPendingWebhookDeliveries(db, policy)
      expect(pending).toEqual(expect.arrayContaining([late.id, hopeless.id]))
      expect(pending).not.toContain(done.id)
      const summary = await redeliverWebhooks(restarted.deps)
      expect(summary.pending).toBe(pending.length)
      expect(restarted.sent.map(({ payload }) => payload)).toEqual(
        expect.arrayContaining([late.payload, hopeless.payload]),
      )
      const lateSentAt = restarted.sent.find(({ payload }) => commentOf(payload) === late.payload.comment.id)?.at ?? 0
      expect(lateSentAt).toBeGreaterThanOrEqual(start + 5000 + 16_000)
      expect(await stateOf(late.id)).toMatchObject({ attempts: 4, delivered_at: expect.any(Date) })
      expect(await stateOf(hopeless.id)).toMatchObject({ attempts: 5, delivered_at: null })
      expect(error).toHaveBeenCalledWith(expect.stringContaining(`webhook delivery ${hopeless.id} failed 5 times`))
      expect(await listPendingWebhookDeliveries(db, policy)).not.toContain(hopeless.id)
      error.mockRestore()
    })
  })
}
