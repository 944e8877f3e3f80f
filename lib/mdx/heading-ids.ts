import GithubSlugger from 'github-slugger'

/**
 * Ids the page itself uses. A post heading named "Comments" must not steal the anchor of the
 * comments section, so these are taken before any heading is slugged.
 */
export const reservedIds = ['main-content', 'comments', 'comment-form', 'footnote-label'] as const

/**
 * One slugger per document, shared by the heading ids in the HTML and the table of contents, so
 * the two always agree (duplicates become `name-1`, `name-2`, … in document order).
 */
export function createHeadingSlugger(): (text: string) => string {
  const slugger = new GithubSlugger()
  for (const id of reservedIds) slugger.slug(id)
  return (text) => slugger.slug(text)
}
