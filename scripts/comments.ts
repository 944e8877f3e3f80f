// `npm run comments -- <command>`: moderate comments on PGlite (PGLITE_DIR) or DATABASE_URL. The
// commands are lib/comments/moderation-commands.ts; this parses arguments and prints.
import { createInterface } from 'node:readline'
import { closeDb, getDb } from '@/lib/db'
import { getConfig } from '@/lib/config'
import { formatComment, formatListLine, formatPageRefresh, stripTerminalControls } from '@/lib/comments/cli-format'
import type { ImportLine } from '@/lib/comments/import-line'
import {
  exportComments,
  importComments,
  listComments,
  moderateComment,
  showComment,
  type ModerationContext,
  type PageRefresh,
  siteTargetOf,
} from '@/lib/comments/moderation-commands'

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

/** What a command changed: the posts whose cached pages were stale, and whether the site was told. */
export type CommandResult = { changedSlugs: string[]; refresh: PageRefresh }
const unchanged: CommandResult = { changedSlugs: [], refresh: { status: 'unneeded' } }

/** Runs one command; output goes through `io.write` so tests can capture it. */
export async function runCommand(
  context: ModerationContext,
  args: readonly string[],
  io: CommandIo,
): Promise<CommandResult> {
  const [command, ...rest] = args
  switch (command) {
    case 'list': {
      const isPending = rest.includes('--pending')
      const comments = await listComments(context.db, isPending ? { status: 'pending' } : {})
      if (comments.length === 0) io.write(isPending ? 'No comments await moderation.\n' : 'No comments yet.\n')
      for (const comment of comments) io.write(`${formatListLine(comment)}\n`)
      return unchanged
    }
    case 'show': {
      const id = parseId(rest[0])
      const comment = await showComment(context.db, id)
      if (!comment) throw new UsageError(`There is no comment ${id}.`)
      io.write(formatComment(comment))
      return unchanged
    }
    case 'approve':
    case 'delete':
    case 'spam': {
      const id = parseId(rest[0])
      const change = await moderateComment(context, id, command)
      if (!change.isFound) throw new UsageError(`There is no comment ${id}.`)
      io.write(`Comment ${id} is now ${change.comment.status}.\n`)
      return { changedSlugs: [change.comment.slug], refresh: change.refresh }
    }
    case 'export': {
      for (const comment of await exportComments(context.db)) io.write(`${JSON.stringify(comment)}\n`)
      return unchanged
    }
    case 'import': {
      const { createReadStream } = await import('node:fs')
      const outcome = await importComments(context, await readLines(rest[0] ? createReadStream(rest[0]) : io.stdin))
      if (!outcome.isImported) throw new UsageError(`${outcome.problems.join('\n')}\nNothing was imported.`)
      io.write(`Imported ${outcome.imported} comments, skipped ${outcome.skipped} already present.\n`)
      return { changedSlugs: outcome.slugs, refresh: outcome.refresh }
    }
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${usage}`)
  }
}

async function main() {
  const args = process.argv.slice(2)
  if (!args[0] || args[0] === 'help' || args[0] === '--help') return void process.stdout.write(`${usage}\n`)
  try {
    const context = { db: await getDb(), site: siteTargetOf(getConfig()) }
    const { refresh } = await runCommand(context, args, {
      write: (text) => process.stdout.write(text),
      stdin: process.stdin,
    })
    const report = formatPageRefresh(refresh)
    if (report?.isStale) {
      process.stderr.write(report.text)
      process.exitCode = 1
    } else if (report) process.stdout.write(report.text)
  } catch (error) {
    console.error(stripTerminalControls(error instanceof Error ? error.message : String(error), { keepNewlines: true }))
    process.exitCode = error instanceof UsageError ? 2 : 1
  } finally {
    await closeDb()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
