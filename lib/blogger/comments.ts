import type { Db } from '@/lib/db'
import { hashBody } from '@/lib/comments/hash'
import { exportComments, importComments } from '@/lib/comments/store'
import { assignCommentIds, type PreparedComment } from './comment-records'

/**
 * The importer's one link to lib/comments: stores Blogger comments through the same path as
 * `npm run comments -- import`. Blogger's ids (19 digits) do not fit the table's integer ids, and
 * a hash of them could land on a site comment's id (which the import then skips) or push the id
 * sequence near its end; so comments already imported are recognised by their content instead
 * (see assignCommentIds) and new ones numbered after the last id. Run it while nobody is
 * commenting: a comment posted between the two steps could take an id meant for the import.
 */
export async function importBloggerComments(db: Db, prepared: readonly PreparedComment[]) {
  const { records, alreadyPresent } = assignCommentIds(prepared, await exportComments(db))
  const { imported, skipped } = await importComments(db, records, hashBody)
  return { imported, alreadyPresent, collided: skipped }
}
