'use client'

import { useActionState, useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react'
import { postComment } from '@/lib/comments/client'
import { postCommentFromForm } from '@/lib/comments/form-action'
import { idleFormState, type ReplyOption } from '@/lib/comments/form-state'
import { rememberOwnComment } from '@/lib/comments/own-comments'
import { BODY_MAX, checkCommentText, countCharacters, normalizeText } from '@/lib/comments/text'
import { useReply } from './comment-reply'
import { CommentHtml } from './comment-html'
import { PreviewPanel, PreviewToggle, useCommentPreview } from './comment-preview'
import { useCommentDraft } from './use-comment-draft'
import { useIsHydrated } from './use-is-hydrated'
import { useRefreshAfterWrite } from './use-refresh-after-write'

type FieldErrors = Record<string, string[] | undefined>

export type CommentFormProps = {
  slug: string
  postUrl: string
  /** The comments a reader without JavaScript can reply to, in a list only they see. */
  replyOptions: readonly ReplyOption[]
}

const outcomeMessage = {
  published: 'Your comment was published.',
  pending: 'Thanks! Your comment is awaiting moderation.',
} as const

const submitClass =
  'rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:cursor-wait disabled:opacity-70'

/**
 * With JavaScript the form posts JSON to /api/comments (draft kept in localStorage, one idempotency
 * key per text, the new comment shown and focused without a reload). Without, the browser posts it
 * to the form's Server Action, which redirects to the outcome or answers with the reader's text and
 * the messages (`state`).
 */
export function CommentForm({ slug, postUrl, replyOptions }: CommentFormProps) {
  const [state, formAction] = useActionState(postCommentFromForm, idleFormState)
  const refused = state.status === 'refused' ? state : undefined
  const { replyTo, setReplyTo } = useReply()
  const draft = useCommentDraft(slug, refused?.values ?? {})
  const [errors, setErrors] = useState<FieldErrors>(refused?.fieldErrors ?? {})
  const [status, setStatus] = useState(refused?.message ?? '')
  const [isSending, setIsSending] = useState(false)
  const [isRefreshing, refreshPage] = useRefreshAfterWrite()
  const [focusId, setFocusId] = useState<number>()
  const [isPreview, setIsPreview] = useState(false)
  const preview = useCommentPreview()
  // The comment just posted, as the server rendered it: shown at once, before the refreshed list has it.
  const [posted, setPosted] = useState<{ id: number; html: string; isPublished: boolean }>()
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const isHydrated = useIsHydrated()

  useEffect(() => {
    if (replyTo) bodyRef.current?.focus()
  }, [replyTo])

  // Once the refreshed list is on the page, move focus to the new comment.
  useEffect(() => {
    if (isRefreshing || focusId === undefined) return
    const comment = document.getElementById(`comment-${focusId}`)
    comment?.focus()
    /* eslint-disable react-hooks/set-state-in-effect */
    if (comment) setPosted(undefined) // the list shows it now
    setFocusId(undefined)
    /* eslint-enable react-hooks/set-state-in-effect */
  }, [isRefreshing, focusId])

  async function submit(event: FormEvent<HTMLFormElement>) {
    // Handled here, so React does not run the form's action (the no-JavaScript path).
    event.preventDefault()
    if (isSending) return
    const website = String(new FormData(event.currentTarget).get('website') ?? '')
    const input = { slug, name: draft.name, body: draft.body, parentId: replyTo?.id, website }
    const fieldErrors = checkCommentText(input)
    if (Object.keys(fieldErrors).length > 0) {
      if (fieldErrors.body) showWrite()
      setErrors(fieldErrors)
      setStatus(`Your comment was not posted: ${Object.values(fieldErrors).flat().join(' ')}`)
      return
    }
    setIsSending(true)
    setPosted(undefined)
    setErrors({})
    setStatus('Posting your comment…')
    const result = await postComment(
      input,
      draft.keyFor(JSON.stringify([slug, replyTo?.id, normalizeText(draft.name), normalizeText(draft.body)])),
    )
    setIsSending(false)
    if (result.kind === 'network-error') {
      setStatus('Your comment was not posted: the network is unreachable. Your text is kept; try again.')
      return
    }
    if (result.kind === 'rejected') {
      setErrors(result.fieldErrors)
      const retry = result.retryAfterSeconds ? ` Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.` : ''
      setStatus(`Your comment was not posted: ${result.error}${retry}`)
      return
    }
    draft.clear()
    setReplyTo(undefined)
    showWrite()
    const isPublished = result.comment.status === 'published'
    // The secret that lets this browser edit or delete the comment for a while (the list's Edit and Delete buttons).
    if (result.edit) rememberOwnComment(result.comment.id, { ...result.edit, body: result.comment.body ?? '' })
    setPosted({ id: result.comment.id, html: result.comment.html ?? '', isPublished })
    setStatus(isPublished ? outcomeMessage.published : outcomeMessage.pending)
    if (isPublished) setFocusId(result.comment.id)
    // The post's cached page was invalidated by the POST: this fetches the page with the comment in it.
    refreshPage()
  }

  function showPreview(isOn: boolean) {
    setIsPreview(isOn)
    if (isOn) void preview.render(draft.body)
    else preview.cancel()
  }
  const showWrite = () => showPreview(false)

  function cancelReply(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault()
    setReplyTo(undefined)
  }

  const count = countCharacters(normalizeText(draft.body))
  const describedBy = (field: string, extra = '') =>
    `${extra} ${errors[field] ? `comment-${field}-error` : ''}`.trim() || undefined
  const inputClass =
    'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 ' +
    'aria-[invalid=true]:border-red-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'

  return (
    <form
      id="comment-form"
      action={formAction}
      onSubmit={submit}
      data-hydrated={isHydrated || undefined}
      noValidate
      aria-labelledby="comment-form-heading"
      className="mt-10 scroll-mt-6 space-y-4"
    >
      <h3 id="comment-form-heading" className="text-lg font-semibold">
        Post a comment
      </h3>
      <input type="hidden" name="slug" value={slug} />
      {replyTo ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Replying to <bdi className="font-semibold">{replyTo.name}</bdi>.{' '}
          <a
            href={`${postUrl}#comment-form`}
            onClick={cancelReply}
            className="text-teal-700 underline dark:text-teal-300"
          >
            Cancel reply
          </a>
        </p>
      ) : (
        <ReplySelect options={replyOptions} defaultValue={refused?.values.parentId ?? ''} messages={errors.parentId} />
      )}
      <div>
        <label htmlFor="comment-name" className="font-medium">
          Name
        </label>
        <input
          id="comment-name"
          name="name"
          autoComplete="name"
          value={draft.name}
          onChange={(e) => draft.setName(e.target.value)}
          aria-invalid={Boolean(errors.name)}
          aria-describedby={describedBy('name')}
          className={inputClass}
        />
        <FieldError id="comment-name-error" messages={errors.name} />
      </div>
      <div>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor="comment-body" className="font-medium">
            Comment
          </label>
          <PreviewToggle isPreview={isPreview} onChange={showPreview} />
        </div>
        {isPreview ? <PreviewPanel state={preview.state} /> : null}
        <textarea
          id="comment-body"
          ref={bodyRef}
          name="body"
          rows={6}
          hidden={isPreview}
          value={draft.body}
          onChange={(e) => draft.setBody(e.target.value)}
          aria-invalid={Boolean(errors.body)}
          aria-describedby={describedBy('body', 'comment-body-hint')}
          className={inputClass}
        />
        <p id="comment-body-hint" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Markdown: *italic*, **bold**, `code`, code blocks between ``` lines (name the language after the first:
          ```ts), lists, &gt; quotes and [links](https://…). No images, HTML or headings. Line breaks are kept. Comments
          with links wait for moderation. With JavaScript on, you can edit or delete your comment from this browser for
          a few minutes after posting.{' '}
          <span className={count > BODY_MAX ? 'font-semibold text-red-700' : ''}>
            {count.toLocaleString('en-GB')} / {BODY_MAX.toLocaleString('en-GB')} characters
          </span>
        </p>
        <FieldError id="comment-body-error" messages={errors.body} />
      </div>
      {/* The honeypot: hidden from people and assistive technology, filled in by bots. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="comment-website">Website (leave empty)</label>
        <input id="comment-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" disabled={isSending} className={submitClass}>
        {isSending ? 'Posting…' : 'Post comment'}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">
        {status}
      </p>
      {posted ? (
        <section
          aria-label={posted.isPublished ? 'Just posted' : 'Just posted, awaiting moderation'}
          className="rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700"
        >
          <CommentHtml html={posted.html} />
        </section>
      ) : null}
    </form>
  )
}

const selectClass =
  'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 ' +
  'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'

/**
 * Replying without JavaScript: the Reply links only lead to the form, so the reader picks the
 * comment here. Inside <noscript>, so readers with JavaScript never see it (they use the links).
 */
function ReplySelect({
  options,
  defaultValue,
  messages,
}: {
  options: readonly ReplyOption[]
  defaultValue: string
  messages: string[] | undefined
}) {
  if (options.length === 0) return null
  return (
    <noscript>
      <div>
        <label htmlFor="comment-parent" className="font-medium">
          Reply to
        </label>
        <select
          id="comment-parent"
          name="parentId"
          defaultValue={defaultValue}
          aria-describedby={messages ? 'comment-parentId-error' : undefined}
          className={selectClass}
        >
          <option value="">No one: a new comment</option>
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
        <FieldError id="comment-parentId-error" messages={messages} />
      </div>
    </noscript>
  )
}

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null
  return (
    <p id={id} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">
      {messages.join(' ')}
    </p>
  )
}
