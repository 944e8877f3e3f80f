import 'server-only'
import { z } from 'zod'
import type { Db, Queryable } from '@/lib/db'
import type { RateCounts } from './rate-limit'
import { commentStatuses, type CommentStatus, type StoredComment } from './types'

// All comment SQL, parameterised. Each function takes the connection to run on (a transaction where
// the caller needs one) and returns StoredComment objects, never rows. What to store, and when, is
// decided by the use case in ./submit.ts.

const COLUMNS = 'id, parent_id, post_slug, name, body, status, created_at, edited_at'

const rowSchema = z.object({
  id: z.number(),
  parent_id: z.number().nullable(),
  post_slug: z.string(),
  name: z.string(),
  body: z.string(),
  status: z.enum(commentStatuses),
  created_at: z.date(),
  edited_at: z.date().nullable().optional(),
})

function toStored(row: unknown): StoredComment {
  const parsed = rowSchema.parse(row)
  return {
    id: parsed.id,
    slug: parsed.post_slug,
    parentId: parsed.parent_id,
    name: parsed.name,
    body: parsed.body,
    status: parsed.status,
    createdAt: parsed.created_at.toISOString(),
    // Only when edited: an export of a never-edited comment keeps the shape older imports expect.
    ...(parsed.edited_at ? { editedAt: parsed.edited_at.toISOString() } : {}),
  }
}

/** Published comments of a post, oldest first, and removed top-level comments that still have published replies. */
export async function listVisibleComments(db: Queryable, slug: string): Promise<StoredComment[]> {
  const rows = await db.query(
    `select ${COLUMNS} from comments c
      where c.post_slug = $1
        and (c.status = 'published'
             or (c.status in ('deleted', 'spam') and c.parent_id is null
                 and exists (select 1 from comments r where r.parent_id = c.id and r.status = 'published')))
      order by c.created_at, c.id`,
    [slug],
  )
  return rows.map(toStored)
}

// Any fixed number: "the comment write lock" for every process sharing the database.
const WRITE_LOCK_ID = 727_274_002

/** Serialises comment writes across every instance until the transaction ends (checks and insert become one step). */
export async function lockCommentWrites(tx: Queryable): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1)', [WRITE_LOCK_ID])
}

export async function findComment(db: Queryable, id: number): Promise<StoredComment | undefined> {
  const [row] = await db.query(`select ${COLUMNS} from comments where id = $1`, [id])
  return row ? toStored(row) : undefined
}

/** The comment stored since `since` under this (already scoped) idempotency key. */
export async function findCommentByIdempotencyKey(
  db: Queryable,
  key: string,
  since: Date,
): Promise<StoredComment | undefined> {
  const [row] = await db.query(`select ${COLUMNS} from comments where idempotency_key = $1 and created_at > $2`, [
    key,
    since,
  ])
  return row ? toStored(row) : undefined
}

export type RecentScope = { clientHash: string; slug: string; since: Date }

/** Whether this client stored this body on this post since `since`. */
export async function hasRecentDuplicate(db: Queryable, scope: RecentScope & { bodyHash: string }): Promise<boolean> {
  const rows = await db.query(
    `select 1 from comments
      where client_hash = $1 and post_slug = $2 and body_hash = $3 and created_at > $4
      limit 1`,
    [scope.clientHash, scope.slug, scope.bodyHash, scope.since],
  )
  return rows.length > 0
}

const countsSchema = z.object({
  client_count: z.number(),
  client_oldest: z.date().nullable(),
  post_count: z.number(),
  post_oldest: z.date().nullable(),
  site_count: z.number(),
  site_oldest: z.date().nullable(),
})

/**
 * How many comments the client stored since `since` (any status), and how many of `statuses` the
 * post and the whole site stored, with the oldest of each.
 */
export async function countRecentComments(
  db: Queryable,
  scope: RecentScope & { statuses: readonly CommentStatus[] },
): Promise<RateCounts> {
  const [row] = await db.query(
    `select count(*) filter (where client_hash = $1)::int as client_count,
            min(created_at) filter (where client_hash = $1) as client_oldest,
            count(*) filter (where post_slug = $2 and status = any($4))::int as post_count,
            min(created_at) filter (where post_slug = $2 and status = any($4)) as post_oldest,
            count(*) filter (where status = any($4))::int as site_count,
            min(created_at) filter (where status = any($4)) as site_oldest
       from comments
      where created_at > $3`,
    [scope.clientHash, scope.slug, scope.since, scope.statuses],
  )
  const counts = countsSchema.parse(row)
  return {
    client: { count: counts.client_count, oldest: counts.client_oldest },
    post: { count: counts.post_count, oldest: counts.post_oldest },
    site: { count: counts.site_count, oldest: counts.site_oldest },
  }
}

export type NewComment = {
  slug: string
  parentId: number | null
  name: string
  body: string
  status: 'published' | 'pending' | 'spam'
  clientHash: string
  bodyHash: string
  idempotencyKey: string | undefined
  createdAt: Date
  /** SHA-256 (hex) of the secret that lets the writer edit or delete it (lib/comments/edit.ts). */
  editSecretHash?: string | undefined
}

export async function insertComment(db: Queryable, comment: NewComment): Promise<StoredComment> {
  const [row] = await db.query(
    `insert into comments
       (post_slug, parent_id, name, body, status, client_hash, body_hash, idempotency_key, created_at, edit_secret_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     returning ${COLUMNS}`,
    [
      comment.slug,
      comment.parentId,
      comment.name,
      comment.body,
      comment.status,
      comment.clientHash,
      comment.bodyHash,
      comment.idempotencyKey ?? null,
      comment.createdAt,
      comment.editSecretHash ?? null,
    ],
  )
  return toStored(row)
}

// ---- A writer's own edits (lib/comments/edit.ts) ----

const editableSchema = z.object({ edit_secret_hash: z.string().nullable(), edit_count: z.number() })

/** The comment with what an edit checks: its secret's hash (null when it has none) and how often it was edited. */
export async function findEditableComment(
  db: Queryable,
  id: number,
): Promise<(StoredComment & { secretHash: string | null; editCount: number }) | undefined> {
  const [row] = await db.query(`select ${COLUMNS}, edit_secret_hash, edit_count from comments where id = $1`, [id])
  if (!row) return undefined
  const editable = editableSchema.parse(row)
  return { ...toStored(row), secretHash: editable.edit_secret_hash, editCount: editable.edit_count }
}

export type CommentEdit = { name: string; body: string; bodyHash: string; status: CommentStatus; editedAt: Date }

/** Rewrites a comment's text (and the status its new text gets), marks it edited and counts the edit. */
export async function updateCommentText(
  db: Queryable,
  id: number,
  edit: CommentEdit,
): Promise<StoredComment | undefined> {
  const [row] = await db.query(
    `update comments set name = $2, body = $3, body_hash = $4, status = $5, edited_at = $6, edit_count = edit_count + 1
      where id = $1 returning ${COLUMNS}`,
    [id, edit.name, edit.body, edit.bodyHash, edit.status, edit.editedAt],
  )
  return row ? toStored(row) : undefined
}

/** Published comments (any post), newest first: the author's feed. */
export async function listRecentPublishedComments(db: Queryable, limit: number): Promise<StoredComment[]> {
  const rows = await db.query(
    `select ${COLUMNS} from comments where status = 'published' order by created_at desc, id desc limit $1`,
    [limit],
  )
  return rows.map(toStored)
}

/** How many published comments a post has: the count the post lists show. */
export async function countPublishedComments(db: Queryable, slug: string): Promise<number> {
  const [row] = await db.query(
    `select count(*)::int as count from comments where post_slug = $1 and status = 'published'`,
    [slug],
  )
  return z.object({ count: z.number() }).parse(row).count
}

/**
 * Forgets what no rule reads any more: address hashes older than every window that compares them,
 * and idempotency keys past their lifetime. Returns how many rows were cleared of each.
 */
export async function forgetWriterData(
  db: Queryable,
  before: { clientHash: Date; idempotencyKey: Date },
): Promise<{ clientHashes: number; idempotencyKeys: number }> {
  const hashes = await db.query(
    'update comments set client_hash = null where client_hash is not null and created_at < $1 returning id',
    [before.clientHash],
  )
  const keys = await db.query(
    'update comments set idempotency_key = null where idempotency_key is not null and created_at < $1 returning id',
    [before.idempotencyKey],
  )
  return { clientHashes: hashes.length, idempotencyKeys: keys.length }
}

/**
 * The key that hashes client addresses when COMMENT_IP_SECRET is not set: created once per
 * database (the first instance's candidate wins), so every instance sharing it agrees.
 */
export async function getSharedSecret(db: Queryable, name: string, candidate: string): Promise<string> {
  await db.query('insert into comment_settings (name, value) values ($1, $2) on conflict (name) do nothing', [
    name,
    candidate,
  ])
  const [row] = await db.query('select value from comment_settings where name = $1', [name])
  return z.object({ value: z.string() }).parse(row).value
}

// ---- Moderation (the `npm run comments` CLI) ----

export async function listForModeration(
  db: Queryable,
  options: { status?: CommentStatus } = {},
): Promise<StoredComment[]> {
  const rows = options.status
    ? await db.query(`select ${COLUMNS} from comments where status = $1 order by created_at, id`, [options.status])
    : await db.query(`select ${COLUMNS} from comments order by created_at, id`)
  return rows.map(toStored)
}

/** Returns the updated comment, or undefined when there is no comment with that id. */
export async function setCommentStatus(
  db: Queryable,
  id: number,
  status: CommentStatus,
): Promise<StoredComment | undefined> {
  const [row] = await db.query(`update comments set status = $2 where id = $1 returning ${COLUMNS}`, [id, status])
  return row ? toStored(row) : undefined
}

/** Every comment in id order (parents before their replies), for a JSON Lines export. */
export async function exportComments(db: Queryable): Promise<StoredComment[]> {
  return (await db.query(`select ${COLUMNS} from comments order by id`)).map(toStored)
}

/**
 * Inserts exported comments with their ids, in one transaction (all or nothing). Comments whose id
 * already exists are skipped, so importing the same file twice changes nothing. Returns the slugs
 * of the posts that got a comment.
 */
export async function importComments(
  db: Db,
  comments: readonly StoredComment[],
  hashBody: (body: string) => string,
): Promise<{ imported: number; skipped: number; slugs: string[] }> {
  // Top-level comments first, so every reply finds its parent.
  const ordered = [...comments].sort((a, b) => Number(a.parentId !== null) - Number(b.parentId !== null) || a.id - b.id)
  return db.transaction(async (tx) => {
    await lockCommentWrites(tx)
    const slugs = new Set<string>()
    let imported = 0
    for (const comment of ordered) {
      const rows = await tx.query(
        `insert into comments (id, post_slug, parent_id, name, body, status, created_at, body_hash, edited_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (id) do nothing
         returning id`,
        [
          comment.id,
          comment.slug,
          comment.parentId,
          comment.name,
          comment.body,
          comment.status,
          comment.createdAt,
          hashBody(comment.body),
          comment.editedAt ?? null,
        ],
      )
      imported += rows.length
      if (rows.length > 0) slugs.add(comment.slug)
    }
    // Ids given explicitly do not advance the identity sequence: move it past them.
    await tx.query(
      `select setval(pg_get_serial_sequence('comments', 'id'), greatest((select max(id) from comments), 1))`,
    )
    return { imported, skipped: comments.length - imported, slugs: [...slugs] }
  })
}
