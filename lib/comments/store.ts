import 'server-only'
import { z } from 'zod'
import type { Db, Queryable } from '@/lib/db'
import { decideRateLimit, type RateLimits, type RateScope } from './rate-limit'
import { commentStatusSchema, type PublicComment } from './schema'

export type CommentStatus = z.infer<typeof commentStatusSchema>

const rowSchema = z.object({
  id: z.number(),
  parent_id: z.number().nullable(),
  post_slug: z.string(),
  name: z.string(),
  body: z.string(),
  status: commentStatusSchema,
  created_at: z.date(),
})
type CommentRow = z.infer<typeof rowSchema>

const COLUMNS = 'id, parent_id, post_slug, name, body, status, created_at'

/** A comment with every field, for moderators and exports. */
export type StoredComment = {
  id: number
  slug: string
  parentId: number | null
  name: string
  body: string
  status: CommentStatus
  createdAt: string
}

function toStored(row: CommentRow): StoredComment {
  return {
    id: row.id,
    slug: row.post_slug,
    parentId: row.parent_id,
    name: row.name,
    body: row.body,
    status: row.status,
    createdAt: row.created_at.toISOString(),
  }
}

/**
 * What readers see: a removed comment that keeps replies shows as "deleted", without its text.
 * Its author sees a honeypot hit exactly as a held comment, so a bot learns nothing.
 */
function toPublic(row: CommentRow, viewer: 'reader' | 'author' = 'reader'): PublicComment {
  const status = viewer === 'author' && row.status === 'spam' ? 'pending' : row.status
  const isVisible = status === 'published' || status === 'pending'
  return {
    id: row.id,
    parentId: row.parent_id,
    name: isVisible ? row.name : null,
    body: isVisible ? row.body : null,
    createdAt: row.created_at.toISOString(),
    status: isVisible ? status : 'deleted',
  }
}

const parseRows = (rows: unknown[]) => rows.map((row) => rowSchema.parse(row))

/** Published comments of a post, oldest first, with placeholders for removed comments that keep replies. */
export async function listComments(db: Queryable, slug: string): Promise<PublicComment[]> {
  const rows = await db.query(
    `select ${COLUMNS} from comments c
      where c.post_slug = $1
        and (c.status = 'published'
             or (c.status in ('deleted', 'spam') and c.parent_id is null
                 and exists (select 1 from comments r where r.parent_id = c.id and r.status = 'published')))
      order by c.created_at, c.id`,
    [slug],
  )
  return parseRows(rows).map((row) => toPublic(row))
}

export type NewComment = {
  slug: string
  parentId?: number | undefined
  name: string
  body: string
  status: 'published' | 'pending' | 'spam'
  clientHash: string
  bodyHash: string
  idempotencyKey?: string | undefined
}

export type CreateResult =
  | { kind: 'created'; comment: PublicComment; isReplay: boolean }
  | { kind: 'idempotency-mismatch' }
  | { kind: 'invalid-parent' }
  | { kind: 'duplicate' }
  | { kind: 'rate-limited'; scope: RateScope; retryAfterSeconds: number }

// Every insert takes this transaction-scoped lock first, so the checks below and the insert are
// one step for all instances sharing the database: concurrent requests with one idempotency key
// store one row, and a limit of 5 stores 5, not 6. Comment writes are rare; the lock is cheap.
const CREATE_LOCK_ID = 727_274_002
const DUPLICATE_WINDOW = '10 minutes'

export async function createComment(db: Db, comment: NewComment, limits: RateLimits): Promise<CreateResult> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [CREATE_LOCK_ID])

    if (comment.idempotencyKey) {
      const [previous] = parseRows(await tx.query(`select ${COLUMNS} from comments where idempotency_key = $1`, [comment.idempotencyKey]))
      if (previous) {
        const isSame = previous.post_slug === comment.slug && previous.name === comment.name && previous.body === comment.body
        return isSame ? { kind: 'created', comment: toPublic(previous, 'author'), isReplay: true } : { kind: 'idempotency-mismatch' }
      }
    }

    let parentId: number | null = null
    if (comment.parentId !== undefined) {
      const [parent] = parseRows(await tx.query(`select ${COLUMNS} from comments where id = $1`, [comment.parentId]))
      if (!parent || parent.post_slug !== comment.slug || parent.status !== 'published') return { kind: 'invalid-parent' }
      // One level of replies: a reply to a reply joins the thread of the top-level comment.
      parentId = parent.parent_id ?? parent.id
    }

    const duplicates = await tx.query(
      `select 1 from comments
        where client_hash = $1 and post_slug = $2 and body_hash = $3 and created_at > now() - interval '${DUPLICATE_WINDOW}'
        limit 1`,
      [comment.clientHash, comment.slug, comment.bodyHash],
    )
    if (duplicates.length > 0) return { kind: 'duplicate' }

    const [counts] = await tx.query(
      `select count(*) filter (where client_hash = $1)::int as client_count,
              min(created_at) filter (where client_hash = $1) as client_oldest,
              count(*) filter (where post_slug = $2)::int as post_count,
              min(created_at) filter (where post_slug = $2) as post_oldest,
              count(*)::int as site_count,
              min(created_at) as site_oldest,
              now() as now
         from comments
        where created_at > now() - make_interval(secs => $3)`,
      [comment.clientHash, comment.slug, limits.windowSeconds],
    )
    const c = countsSchema.parse(counts)
    const decision = decideRateLimit(
      {
        client: { count: c.client_count, oldest: c.client_oldest },
        post: { count: c.post_count, oldest: c.post_oldest },
        site: { count: c.site_count, oldest: c.site_oldest },
      },
      limits,
      c.now,
    )
    if (!decision.isAllowed) return { kind: 'rate-limited', scope: decision.scope, retryAfterSeconds: decision.retryAfterSeconds }

    const [inserted] = await tx.query(
      `insert into comments (post_slug, parent_id, name, body, status, client_hash, body_hash, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       returning ${COLUMNS}`,
      [comment.slug, parentId, comment.name, comment.body, comment.status, comment.clientHash, comment.bodyHash, comment.idempotencyKey ?? null],
    )
    return { kind: 'created', comment: toPublic(rowSchema.parse(inserted), 'author'), isReplay: false }
  })
}

const countsSchema = z.object({
  client_count: z.number(),
  client_oldest: z.date().nullable(),
  post_count: z.number(),
  post_oldest: z.date().nullable(),
  site_count: z.number(),
  site_oldest: z.date().nullable(),
  now: z.date(),
})

/**
 * The key that hashes client addresses when COMMENT_IP_SECRET is not set: created once per
 * database (the first instance's candidate wins), so every instance sharing it agrees.
 */
export async function getSharedSecret(db: Queryable, name: string, candidate: string): Promise<string> {
  await db.query('insert into comment_settings (name, value) values ($1, $2) on conflict (name) do nothing', [name, candidate])
  const [row] = await db.query('select value from comment_settings where name = $1', [name])
  return z.object({ value: z.string() }).parse(row).value
}

// ---- Moderation (the `npm run comments` CLI) ----

export async function listForModeration(db: Queryable, options: { status?: CommentStatus } = {}): Promise<StoredComment[]> {
  const rows = options.status
    ? await db.query(`select ${COLUMNS} from comments where status = $1 order by created_at, id`, [options.status])
    : await db.query(`select ${COLUMNS} from comments order by created_at, id`)
  return parseRows(rows).map(toStored)
}

/** Returns the updated comment, or undefined when there is no comment with that id. */
export async function setCommentStatus(db: Queryable, id: number, status: CommentStatus): Promise<StoredComment | undefined> {
  const [row] = await db.query(`update comments set status = $2 where id = $1 returning ${COLUMNS}`, [id, status])
  return row ? toStored(rowSchema.parse(row)) : undefined
}

/** Every comment in id order (parents before their replies), for a JSON Lines export. */
export async function exportComments(db: Queryable): Promise<StoredComment[]> {
  return parseRows(await db.query(`select ${COLUMNS} from comments order by id`)).map(toStored)
}

/**
 * Inserts exported comments with their ids, in one transaction (all or nothing). Comments whose id
 * already exists are skipped, so importing the same file twice changes nothing.
 */
export async function importComments(
  db: Db,
  comments: readonly StoredComment[],
  hashBody: (body: string) => string,
): Promise<{ imported: number; skipped: number }> {
  // Top-level comments first, so every reply finds its parent.
  const ordered = [...comments].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.id - b.id)
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [CREATE_LOCK_ID])
    let imported = 0
    for (const comment of ordered) {
      const rows = await tx.query(
        `insert into comments (id, post_slug, parent_id, name, body, status, created_at, body_hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (id) do nothing
         returning id`,
        [comment.id, comment.slug, comment.parentId, comment.name, comment.body, comment.status, comment.createdAt, hashBody(comment.body)],
      )
      imported += rows.length
    }
    // Ids given explicitly do not advance the identity sequence: move it past them.
    await tx.query(`select setval(pg_get_serial_sequence('comments', 'id'), greatest((select max(id) from comments), 1))`)
    return { imported, skipped: comments.length - imported }
  })
}
