import {
  exportComments,
  importComments,
  type ModerationContext,
  type PageRefresh,
} from '@/lib/comments/moderation-commands'
import { assignCommentIds, type PreparedComment } from './comment-records'

/**
 * The importer's one link to lib/comments: stores Blogger comments through the import of
 * `npm run comments -- import` (the same checks, and the running site told which posts changed).
 * Blogger's ids (19 digits) do not fit the table's integer ids, and a hash of them could land on a
 * site comment's id (which the import then skips) or push the id sequence near its end; so comments
 * already imported are recognised by their content instead (see assignCommentIds) and new ones
 * numbered after the last id. Run it while nobody is commenting: a comment posted between the two
 * steps could take an id meant for the import.
 */
export async function importBloggerComments(
  context: ModerationContext,
  prepared: readonly PreparedComment[],
): Promise<{ imported: number; alreadyPresent: number; collided: number; refresh: PageRefresh }> {
  const { records, alreadyPresent } = assignCommentIds(prepared, await exportComments(context.db))
  const lines = records.map((record, index) => ({ line: index + 1, text: JSON.stringify(record) }))
  const outcome = await importComments(context, lines)
  // The records are built to pass these checks: a problem here is a bug in lib/blogger, not in the export.
  if (!outcome.isImported) throw new Error(`Blogger comments the import refused:\n${outcome.problems.join('\n')}`)
  return { imported: outcome.imported, alreadyPresent, collided: outcome.skipped, refresh: outcome.refresh }
}
