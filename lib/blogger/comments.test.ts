import { readFileSync } from 'node:fs'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '@/lib/db'
import { hashBody } from '@/lib/comments/hash'
import { toPublicComment } from '@/lib/comments/public-comment'
import { exportComments, insertComment, listVisibleComments, type NewComment } from '@/lib/comments/store'
import { buildThreads } from '@/lib/comments/thread'
import { engines, openDatabaseForSuite } from '@/test/support/databases'
import type { ModerationContext } from '@/lib/comments/moderation-commands'
import { importBloggerComments } from './comments'
import { parseBloggerExport } from './export'
import { planImport } from './plan'

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/blogger')
const commentsOf = (file: string) =>
  planImport(parseBloggerExport(readFileSync(path.join(fixtures, file), 'utf8')), { findImage: () => undefined })
    .comments.comments

const listComments = async (db: Db, slug: string) =>
  (await listVisibleComments(db, slug)).map((comment) => toPublicComment(comment))
const siteComment = (slug: string, name: string, body: string): NewComment => ({
  slug,
  name,
  body,
  status: 'published',
  parentId: null,
  clientHash: 'c',
  bodyHash: hashBody(body),
  idempotencyKey: undefined,
  createdAt: new Date(),
})

for (const engine of engines) {
  describe.skipIf(engine.skip)(`importBloggerComments on ${engine.name}`, () => {
    let db!: Db
    openDatabaseForSuite(engine, (opened) => (db = opened))
    let siteCommentId: number
    // The running site: records what it is asked to refresh (POST /api/revalidate).
    let site: Server
    const revalidated: Array<{ authorization: string | undefined; body: unknown }> = []
    let context: ModerationContext
    const importOnce = async (file: string) => {
      const { imported, alreadyPresent, collided } = await importBloggerComments(context, commentsOf(file))
      return { imported, alreadyPresent, collided }
    }
    beforeAll(async () => {
      site = createServer((req, res) => {
        let text = ''
        req.on('data', (chunk: Buffer) => (text += chunk))
        req.on('end', () => {
          revalidated.push({ authorization: req.headers.authorization, body: JSON.parse(text) })
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}')
        })
      })
      site.listen(0, '127.0.0.1')
      await once(site, 'listening')
      context = {
        db,
        site: { siteUrl: `http://127.0.0.1:${(site.address() as AddressInfo).port}`, secret: 'test-secret' },
      }
      siteCommentId = (
        await insertComment(
          db,
          siteComment('what-is-backend-engineering', 'Site reader', 'A comment posted on this site before the import'),
        )
      ).id
    })
    afterAll(async () => {
      site?.close()
    })

    it('stores live comments on their posts in order, replies one level deep; the site’s own is kept', async () => {
      const first = await importBloggerComments(context, commentsOf('feed.atom'))
      expect(first).toMatchObject({ imported: 8, alreadyPresent: 0, collided: 0 })
      // As `npm run comments -- import`: a server on PostgreSQL is told which pages changed; one on
      // PGlite is stopped while the import holds the database.
      const slugs = ['what-is-backend-engineering', 'postgresql-indexes-cafe']
      if (db.kind === 'pglite') {
        expect(first.refresh).toEqual({ status: 'unneeded' })
        expect(revalidated).toEqual([])
      } else {
        expect(first.refresh).toEqual({
          status: 'refreshed',
          slugs: expect.arrayContaining(slugs),
          siteUrl: context.site.siteUrl,
        })
        expect(revalidated).toEqual([
          { authorization: 'Bearer test-secret', body: { slugs: expect.arrayContaining(slugs) } },
        ])
      }

      const threads = buildThreads(await listComments(db, 'what-is-backend-engineering'))
      expect(threads.map((thread) => [thread.name, thread.replies.map((reply) => reply.name)])).toEqual([
        ['Alice Martin', ['Backend Playbook', 'Bob']],
        ['Chloé Dubois', []],
        ['Site reader', []],
      ])
      expect(threads[0]?.body).toBe('Clear introduction, thanks!\n\nWould you cover message queues next?')
      expect(threads[0]?.replies[1]?.body).toBe(
        'Looking forward to it. This helped me a lot: Microservices, by Martin Fowler (https://martinfowler.com/articles/microservices.html)',
      )
      expect(threads[0]?.createdAt).toBe('2024-05-03T08:12:00.000Z')
      expect(threads.find((thread) => thread.name === 'Site reader')?.id).toBe(siteCommentId)

      const second = buildThreads(await listComments(db, 'postgresql-indexes-cafe'))
      expect(
        second.map((thread) => [thread.name, thread.replies.map((reply) => `${reply.name}: ${reply.body}`)]),
      ).toEqual([
        ['Zoë', ['Anonymous: Same here!']],
        ['Дмитрий', ['Backend Playbook: It does: the index above helps category alone, not price alone.']],
      ])
      // The deleted comment is not stored at all.
      expect((await exportComments(db)).some((comment) => comment.body.includes('Cheap watches'))).toBe(false)
    })

    it('adds nothing when run again, from either export format', async () => {
      const before = await exportComments(db)
      const requests = revalidated.length
      expect(await importOnce('feed.atom')).toEqual({ imported: 0, alreadyPresent: 8, collided: 0 })
      expect(await importOnce('blog-export.xml')).toEqual({ imported: 0, alreadyPresent: 8, collided: 0 })
      // Nothing changed: no page to refresh.
      expect(revalidated).toHaveLength(requests)
      expect(await exportComments(db)).toEqual(before)
    })

    it('leaves the id sequence past the imported ids, so the next comment posted gets a fresh one', async () => {
      const ids = (await exportComments(db)).map((comment) => comment.id)
      expect((await insertComment(db, siteComment('postgresql-indexes-cafe', 'Later', 'After the import'))).id).toBe(
        Math.max(...ids) + 1,
      )
    })
  })
}
