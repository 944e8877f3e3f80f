// The shapes of a comment, each declared once. No imports and no server code: the comment form in
// the browser uses them too.

export const commentStatuses = ['published', 'pending', 'spam', 'deleted'] as const
export type CommentStatus = (typeof commentStatuses)[number]

/** A comment with every field, as stored: for the use case, moderators and exports. */
export type StoredComment = {
  id: number
  slug: string
  parentId: number | null
  name: string
  body: string
  status: CommentStatus
  createdAt: string
  /** When its writer last edited it (issue 12); absent or null when never. */
  editedAt?: string | null | undefined
}

/** A comment as the page and the API show it. A deleted comment keeps its place (and its replies) but not its text. */
export type PublicComment = {
  id: number
  parentId: number | null
  name: string | null
  body: string | null
  createdAt: string
  /** Set when its writer edited it: the page shows "edited". */
  editedAt: string | null
  status: CommentStatus
}

/**
 * A public comment with its Markdown `body` rendered: `html` is sanitized server output
 * (lib/comments/markdown.ts), null exactly when `body` is. `body` stays the source as written.
 */
export type RenderedComment = PublicComment & { html: string | null }
