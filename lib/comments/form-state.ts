// What the comment form's Server Action answers when it refuses a post made without JavaScript: the
// reader's text, to put back in the form, and the messages. (A stored comment redirects instead.)
// No server imports: the form component reads it.

export type CommentFormValues = { name: string; body: string; parentId: string }

export type CommentFormState =
  | { status: 'idle' }
  | { status: 'refused'; values: CommentFormValues; fieldErrors: Record<string, string[]>; message: string }

export const idleFormState: CommentFormState = { status: 'idle' }

/** A comment readers can reply to, as the no-JavaScript "Reply to" list shows it. */
export type ReplyOption = { id: number; label: string }
