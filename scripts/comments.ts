// `npm run comments -- <command>`: moderate comments on PGlite (PGLITE_DIR) or DATABASE_URL.
import { createInterface } from 'node:readline'
import { z } from 'zod'
import { closeDb, getDb, type Db } from '@/lib/db'
import { getEnv } from '@/lib/env'
import { site } from '@/lib/site'
import { requestRevalidation } from '@/lib/comments/revalidate'
import { commentStatusSchema } from '@/lib/comments/schema'
import { exportComments, importComments, listForModeration, setCommentStatus } from '@/lib/comments/store'
import type { StoredComment } from '@/lib/comments/types'
import { hashBody } from '@/lib/comments/hash'

const usage = `Usage: npm run comments -- <command>

  list [--pending]   every comment (or only those awaiting moderation), oldest first
  approve <id>       publish a held (or spam-marked) comment
  delete <id>        soft-delete: the comment shows as "deleted", its replies stay
  spam <id>          mark as spam: hidden, and kept so the same text is refused again
  export             every comment as JSON Lines on stdout
  import [file]      JSON Lines from a file or stdin; comments whose id exists are skipped

Uses DATABASE_URL when set, else the PGlite directory PGLITE_DIR (default .data/pglite).
Stop \`npm run dev\` / \`npm start\` first when using PGlite: one process at a time can open it.
After a change on DATABASE_URL, the running site at SITE_URL is asked to refresh the post's page
(POST /api/revalidate with REVALIDATE_SECRET, which the site must have too).`

/** One line of an export: what import accepts. */
export const exportLineSchema = z.strictObject({
  id: z.number().int().positive(),
  slug: z.string().min(1),
  parentId: z.number().int().positive().nullable(),
  name: z.string().min(1),
  body: z.string().min(1),
  status: commentStatusSchema,
  createdAt: z.iso.datetime({ offset: true }),
})

export class UsageError extends Error {}

function parseId(value: string | undefined): number {
  if (!value || !/^\d{1,10}$/.test(value)) throw new UsageError(`Give a comment id, e.g. \`approve 42\`.`)
  return Number(value)
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ')
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

export function formatListLine(comment: StoredComment): string {
  const reply = comment.parentId ? ` ↳${comment.parentId}` : ''
  return `${String(comment.id).padStart(5)}  ${comment.status.padEnd(9)} ${comment.createdAt.slice(0, 16).replace('T', ' ')}  ${comment.slug}${reply}  ${oneLine(comment.name, 30)}: ${oneLine(comment.body, 60)}`
}

async function readLines(input: NodeJS.ReadableStream): Promise<StoredComment[]> {
  const comments: StoredComment[] = []
  let lineNumber = 0
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++
    if (!line.trim()) continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      throw new UsageError(`Line ${lineNumber} is not JSON.`)
    }
    const parsed = exportLineSchema.safeParse(value)
    if (!parsed.success) throw new UsageError(`Line ${lineNumber}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`)
    comments.push(parsed.data)
  }
  return comments
}

export type CommandIo = { write: (text: string) => void; stdin: NodeJS.ReadableStream }

/** What a command changed: the posts whose cached pages no longer show their comments as stored. */
export type CommandResult = { changedSlugs: string[] }
const unchanged: CommandResult = { changedSlugs: [] }

/** Runs one command against `db`; output goes through `io.write` so tests can capture it. */
export async function runCommand(db: Db, args: readonly string[], io: CommandIo): Promise<CommandResult> {
  const [command, ...rest] = args
  switch (command) {
    case 'list': {
      const comments = await listForModeration(db, rest.includes('--pending') ? { status: 'pending' } : {})
      if (comments.length === 0) io.write(rest.includes('--pending') ? 'No comments await moderation.\n' : 'No comments yet.\n')
      for (const comment of comments) io.write(`${formatListLine(comment)}\n`)
      return unchanged
    }
    case 'approve':
    case 'delete':
    case 'spam': {
      const id = parseId(rest[0])
      const status = command === 'approve' ? 'published' : command === 'delete' ? 'deleted' : 'spam'
      const updated = await setCommentStatus(db, id, status)
      if (!updated) throw new UsageError(`There is no comment ${id}.`)
      io.write(`Comment ${id} is now ${status}.\n`)
      return { changedSlugs: [updated.slug] }
    }
    case 'export': {
      for (const comment of await exportComments(db)) io.write(`${JSON.stringify(comment)}\n`)
      return unchanged
    }
    case 'import': {
      const { createReadStream } = await import('node:fs')
      const comments = await readLines(rest[0] ? createReadStream(rest[0]) : io.stdin)
      const { imported, skipped, slugs } = await importComments(db, comments, hashBody)
      io.write(`Imported ${imported} comments, skipped ${skipped} already present.\n`)
      return { changedSlugs: slugs }
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`)
  }
}

/**
 * Tells the running site which posts changed, so their cached pages show it on the next view. PGlite
 * needs nothing: the server is stopped while the CLI holds its database, and its cache starts empty.
 */
async function refreshPages(db: Db, slugs: readonly string[]): Promise<boolean> {
  if (slugs.length === 0 || db.kind === 'pglite') return true
  const secret = getEnv().REVALIDATE_SECRET
  const outcome = secret
    ? await requestRevalidation(site.url, secret, slugs)
    : { isDone: false as const, reason: 'REVALIDATE_SECRET is not set' }
  if (outcome.isDone) {
    console.log(`Refreshed the page of ${slugs.length === 1 ? 'the post' : `${slugs.length} posts`} on ${site.url}.`)
    return true
  }
  console.error(
    `The change is stored, but the site still shows the old page(s) of ${slugs.join(', ')}: ${outcome.reason}.\n` +
      'Set SITE_URL and REVALIDATE_SECRET as on the server and run the command again, or restart the server.',
  )
  return false
}

async function main() {
  const args = process.argv.slice(2)
  if (!args[0] || args[0] === 'help' || args[0] === '--help') return void process.stdout.write(`${usage}\n`)
  try {
    const db = await getDb()
    const { changedSlugs } = await runCommand(db, args, { write: (text) => process.stdout.write(text), stdin: process.stdin })
    if (!(await refreshPages(db, changedSlugs))) process.exitCode = 1
  } catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exitCode = error instanceof UsageError ? 2 : 1
  } finally {
    await closeDb()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
