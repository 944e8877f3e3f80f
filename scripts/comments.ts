// `npm run comments -- <command>`: moderate comments on PGlite (PGLITE_DIR) or DATABASE_URL.
import { createInterface } from 'node:readline'
import { closeDb, getDb, type Db } from '@/lib/db'
import { getConfig } from '@/lib/config'
import { requestRevalidation } from '@/lib/comments/revalidate'
import { exportComments, importComments, listForModeration, setCommentStatus } from '@/lib/comments/store'
import { hashBody } from '@/lib/comments/hash'
import { formatComment, formatListLine, stripTerminalControls } from '@/lib/comments/cli-format'
import { checkImport, type ImportLine } from '@/lib/comments/import-line'

const usage = `Usage: npm run comments -- <command>

  list [--pending]   every comment (or only those awaiting moderation), oldest first
  show <id>          one comment: its whole text and every link in it
  approve <id>       publish a held (or spam-marked) comment
  delete <id>        soft-delete: the comment shows as "deleted", its replies stay
  spam <id>          mark as spam: hidden, and kept so the same text is refused again
  export             every comment as JSON Lines on stdout
  import [file]      JSON Lines from a file or stdin; comments whose id exists are skipped

Uses DATABASE_URL when set, else the PGlite directory PGLITE_DIR (default .data/pglite).
Stop \`npm run dev\` / \`npm start\` first when using PGlite: one process at a time can open it.
After a change on DATABASE_URL, the running site at SITE_URL is asked to refresh the post's page
(POST /api/revalidate with REVALIDATE_SECRET, which the site must have too).`

export class UsageError extends Error {}

function parseId(value: string | undefined): number {
  if (!value || !/^\d{1,10}$/.test(value)) throw new UsageError(`Give a comment id, e.g. \`approve 42\`.`)
  return Number(value)
}

async function readLines(input: NodeJS.ReadableStream): Promise<ImportLine[]> {
  const lines: ImportLine[] = []
  let line = 0
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++
    if (text.trim()) lines.push({ line, text })
  }
  return lines
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
    case 'show': {
      const id = parseId(rest[0])
      const comment = (await listForModeration(db)).find((candidate) => candidate.id === id)
      if (!comment) throw new UsageError(`There is no comment ${id}.`)
      io.write(formatComment(comment))
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
      const lines = await readLines(rest[0] ? createReadStream(rest[0]) : io.stdin)
      const existing = new Map((await exportComments(db)).map((comment) => [comment.id, comment.slug]))
      const { comments, problems } = checkImport(lines, { now: new Date(), existing })
      if (problems.length > 0) throw new UsageError(`${problems.join('\n')}\nNothing was imported.`)
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
  const { revalidateSecret: secret, site } = getConfig()
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
    console.error(stripTerminalControls(error instanceof Error ? error.message : String(error), { keepNewlines: true }))
    process.exitCode = error instanceof UsageError ? 2 : 1
  } finally {
    await closeDb()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
