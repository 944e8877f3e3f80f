import 'server-only'
import type { Config } from '@/lib/config'
import type { Db } from '@/lib/db'
import { hashBody } from './hash'
import { checkImport, type ImportLine } from './import-line'
import { requestRevalidation } from './revalidate'
import * as store from './store'
import type { CommentStatus, StoredComment } from './types'

// What a moderator can do to the stored comments (`npm run comments`, `npm run import:blogger`),
// as functions that return what happened; the CLIs parse arguments and print.

/** The running site whose cached pages a change makes stale: SITE_URL and REVALIDATE_SECRET as on the server. */
export type SiteTarget = { siteUrl: string; secret: string | undefined }
export type ModerationContext = { db: Db; site: SiteTarget }

/** The site a CLI's changes must reach, from the same configuration as the server's. */
export const siteTargetOf = (config: Pick<Config, 'site' | 'revalidateSecret'>): SiteTarget => ({
  siteUrl: config.site.url,
  secret: config.revalidateSecret,
})

/** Whether the running site was told which posts changed (POST /api/revalidate). */
export type PageRefresh =
  | { status: 'unneeded' }
  | { status: 'refreshed'; slugs: string[]; siteUrl: string }
  | { status: 'stale'; slugs: string[]; reason: string }

/**
 * Tells the running site which posts changed, so their cached pages show it on the next view. PGlite
 * needs nothing: the server is stopped while a CLI holds its database, and its cache starts empty.
 */
export async function refreshPages({ db, site }: ModerationContext, slugs: readonly string[]): Promise<PageRefresh> {
  if (slugs.length === 0 || db.kind === 'pglite') return { status: 'unneeded' }
  const outcome = site.secret
    ? await requestRevalidation(site.siteUrl, site.secret, slugs)
    : { isDone: false as const, reason: 'REVALIDATE_SECRET is not set' }
  return outcome.isDone
    ? { status: 'refreshed', slugs: [...slugs], siteUrl: site.siteUrl }
    : { status: 'stale', slugs: [...slugs], reason: outcome.reason }
}

/** Every comment, or those with one status, oldest first. */
export function listComments(db: Db, options: { status?: CommentStatus } = {}): Promise<StoredComment[]> {
  return store.listForModeration(db, options)
}

/** Returns undefined when there is no comment with that id. */
export function showComment(db: Db, id: number): Promise<StoredComment | undefined> {
  return store.findComment(db, id)
}

export type ModerationAction = 'approve' | 'delete' | 'spam'
const statusOf = { approve: 'published', delete: 'deleted', spam: 'spam' } as const satisfies Record<
  ModerationAction,
  CommentStatus
>

export type StatusChange = { isFound: false } | { isFound: true; comment: StoredComment; refresh: PageRefresh }

/** approve: published; delete: soft-deleted (its replies stay); spam: hidden, and its text refused again. */
export async function moderateComment(
  context: ModerationContext,
  id: number,
  action: ModerationAction,
): Promise<StatusChange> {
  const comment = await store.setCommentStatus(context.db, id, statusOf[action])
  if (!comment) return { isFound: false }
  return { isFound: true, comment, refresh: await refreshPages(context, [comment.slug]) }
}

/** Every comment in id order (parents before their replies): the lines of an export. */
export function exportComments(db: Db): Promise<StoredComment[]> {
  return store.exportComments(db)
}

export type ImportOutcome =
  | { isImported: false; problems: string[] }
  | { isImported: true; imported: number; skipped: number; slugs: string[]; refresh: PageRefresh }

/**
 * Imports JSON Lines (an export, or records shaped like one), each checked as the API checks a new
 * comment; one bad line refuses the whole import. Comments whose id exists are skipped, so running
 * it again changes nothing. The site is told which posts got comments.
 */
export async function importComments(
  context: ModerationContext,
  lines: readonly ImportLine[],
  now = new Date(),
): Promise<ImportOutcome> {
  const existing = new Map((await store.exportComments(context.db)).map((comment) => [comment.id, comment.slug]))
  const { comments, problems } = checkImport(lines, { now, existing })
  if (problems.length > 0) return { isImported: false, problems }
  const { imported, skipped, slugs } = await store.importComments(context.db, comments, hashBody)
  return { isImported: true, imported, skipped, slugs, refresh: await refreshPages(context, slugs) }
}
