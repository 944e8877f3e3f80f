// `npm run import:blogger -- <file> [options]`: moves a Blogger blog here (docs/moving-from-blogger.md).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { BloggerExportError, parseBloggerExport } from '@/lib/blogger/export'
import { indexImageFiles } from '@/lib/blogger/image-index'
import { planImport } from '@/lib/blogger/plan'
import { formatReport } from '@/lib/blogger/report'
import { collectFiles, findConflicts, writeFiles } from '@/lib/blogger/write'

const usage = `Usage: npm run import:blogger -- <feed.atom or blog-export.xml> [options]

  --dry-run              print the report; write nothing, touch no database
  --content-dir <dir>    where posts/ and redirects.json go (default: content)
  --public-dir <dir>     where images/<slug>/ goes (default: public beside the content dir)
  --images <dir>         where to look for the export's images (default: the export's folder)
  --force                overwrite posts and images that exist with other contents
  --no-comments          import posts and redirects only; the database is not opened

Comments go to DATABASE_URL when set, else the PGlite directory PGLITE_DIR (default .data/pglite):
stop \`npm run dev\` / \`npm start\` first when using PGlite. Running the import again adds nothing.`

class UsageError extends Error {}

function readOptions() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'content-dir': { type: 'string', default: 'content' },
      'public-dir': { type: 'string' },
      images: { type: 'string' },
      force: { type: 'boolean', default: false },
      'no-comments': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  const [file, ...extra] = positionals
  if (values.help) return undefined
  if (!file || extra.length > 0) throw new UsageError(`Give one export file.\n\n${usage}`)
  const contentDir = path.resolve(values['content-dir'])
  return {
    file: path.resolve(file),
    contentDir,
    publicDir: path.resolve(values['public-dir'] ?? path.join(contentDir, '..', 'public')),
    imagesDir: path.resolve(values.images ?? path.dirname(path.resolve(file))),
    isDryRun: values['dry-run'],
    isForced: values.force,
    hasComments: !values['no-comments'],
  }
}

async function main() {
  const options = readOptions()
  if (!options) return void process.stdout.write(`${usage}\n`)
  const data = parseBloggerExport(readFileSync(options.file, 'utf8'))
  const plan = planImport(data, { findImage: indexImageFiles(options.imagesDir).findImage })
  const files = collectFiles(plan, options)
  process.stdout.write(formatReport(plan, files, process.cwd()))

  const conflicts = findConflicts(files)
  if (conflicts.length > 0 && !options.isForced) {
    const list = conflicts.map((conflict) => `  ${path.relative(process.cwd(), conflict.file)}`).join('\n')
    throw new UsageError(
      `\nThese files exist with other contents; nothing was written:\n${list}\n` +
        'Move them aside, or pass --force to overwrite them.',
    )
  }
  if (options.isDryRun) return void process.stdout.write('\nDry run: nothing was written.\n')
  writeFiles(files)
  const written = files.filter((file) => file.state !== 'unchanged').length
  process.stdout.write(`\nWrote ${written} file${written === 1 ? '' : 's'} (${files.length - written} unchanged).\n`)
  if (!options.hasComments) return void process.stdout.write('Comments not imported (--no-comments).\n')
  // Loaded here, not above: without comments the database driver is never even loaded.
  const { closeDb, getDb } = await import('@/lib/db')
  const { getConfig } = await import('@/lib/config')
  const { siteTargetOf } = await import('@/lib/comments/moderation-commands')
  const { importBloggerComments } = await import('@/lib/blogger/comments')
  const { formatPageRefresh } = await import('@/lib/comments/cli-format')
  try {
    const context = { db: await getDb(), site: siteTargetOf(getConfig()) }
    const result = await importBloggerComments(context, plan.comments.comments)
    process.stdout.write(`Comments: imported ${result.imported}, ${result.alreadyPresent} already present.\n`)
    // As `npm run comments -- import`: stored, but a site that still shows the old pages is an error.
    const report = formatPageRefresh(result.refresh)
    if (report?.isStale) {
      process.stderr.write(report.text)
      process.exitCode = 1
    } else if (report) process.stdout.write(report.text)
    if (result.collided > 0)
      throw new Error(
        `${result.collided} comments found their id taken by a new comment meanwhile: run the import again.`,
      )
  } finally {
    await closeDb()
  }
}

try {
  await main()
} catch (error) {
  console.error(error instanceof UsageError || error instanceof BloggerExportError ? error.message : error)
  process.exitCode = error instanceof UsageError ? 2 : 1
}
