'use client'

import { useRouter } from 'next/navigation'
import { useEffect, useRef, useState, useTransition, type FormEvent } from 'react'
import { postComment } from '@/lib/comments/client'
import { BODY_MAX, checkCommentText, commentErrorMessages, countCharacters, normalizeText, type CommentErrorCode } from '@/lib/comments/text'
import { useCommentDraft } from './use-comment-draft'

type FieldErrors = Record<string, string[] | undefined>

export type CommentFormProps = {
  slug: string
  postUrl: string
  replyTo?: { id: number; name: string } | undefined
  /** A fresh key per page view, for the no-JavaScript post (a double submit stores one comment). */
  formKey: string
  /** From a no-JavaScript redirect: what the reader sent and what was wrong with it. */
  initial?: { name?: string | undefined; body?: string | undefined; errors?: readonly CommentErrorCode[]; outcome?: 'published' | 'pending' | undefined }
}

const errorsFromCodes = (codes: readonly CommentErrorCode[] = []): FieldErrors => {
  const errors: FieldErrors = {}
  for (const code of codes) {
    const field = code.startsWith('name-') ? 'name' : code.startsWith('body-') || code === 'duplicate' ? 'body' : 'form'
    errors[field] = [...(errors[field] ?? []), commentErrorMessages[code]]
  }
  return errors
}

const outcomeMessage = { published: 'Your comment was published.', pending: 'Thanks! Your comment is awaiting moderation.' } as const

export function CommentForm({ slug, postUrl, replyTo, formKey, initial }: CommentFormProps) {
  const router = useRouter()
  const draft = useCommentDraft(slug, initial ?? {})
  const [errors, setErrors] = useState<FieldErrors>(() => errorsFromCodes(initial?.errors))
  const [status, setStatus] = useState(initial?.outcome ? outcomeMessage[initial.outcome] : (errorsFromCodes(initial?.errors).form?.join(' ') ?? ''))
  const [isSending, setIsSending] = useState(false)
  const [isRefreshing, startRefresh] = useTransition()
  const [focusId, setFocusId] = useState<number>()
  const bodyRef = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    if (replyTo) bodyRef.current?.focus()
  }, [replyTo])

  // Once the refreshed list is on the page, move focus to the new comment.
  useEffect(() => {
    if (isRefreshing || focusId === undefined) return
    document.getElementById(`comment-${focusId}`)?.focus()
    setFocusId(undefined) // eslint-disable-line react-hooks/set-state-in-effect
  }, [isRefreshing, focusId])

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (isSending) return
    const website = String(new FormData(event.currentTarget).get('website') ?? '')
    const input = { slug, name: draft.name, body: draft.body, parentId: replyTo?.id, website }
    const fieldErrors = checkCommentText(input)
    if (Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors)
      setStatus(`Your comment was not posted: ${Object.values(fieldErrors).flat().join(' ')}`)
      return
    }
    setIsSending(true)
    setErrors({})
    setStatus('Posting your comment…')
    const result = await postComment(input, draft.keyFor(JSON.stringify([slug, replyTo?.id, normalizeText(draft.name), normalizeText(draft.body)])))
    setIsSending(false)
    if (result.kind === 'network-error') {
      setStatus('Your comment was not posted: the network is unreachable. Your text is kept; try again.')
      return
    }
    if (result.kind === 'rejected') {
      setErrors(result.fieldErrors)
      setStatus(`Your comment was not posted: ${result.error}${result.retryAfterSeconds ? ` Try again in ${Math.ceil(result.retryAfterSeconds / 60)} min.` : ''}`)
      return
    }
    draft.clear()
    const isPublished = result.comment.status === 'published'
    setStatus(isPublished ? outcomeMessage.published : outcomeMessage.pending)
    if (isPublished) setFocusId(result.comment.id)
    startRefresh(() => (replyTo ? router.replace(postUrl, { scroll: false }) : router.refresh()))
  }

  const count = countCharacters(normalizeText(draft.body))
  const describedBy = (field: string, extra = '') => `${extra} ${errors[field] ? `comment-${field}-error` : ''}`.trim() || undefined
  const inputClass = 'mt-1 block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 aria-[invalid=true]:border-red-700 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'

  return (
    <form id="comment-form" action="/api/comments" method="post" onSubmit={submit} noValidate aria-labelledby="comment-form-heading" className="mt-10 scroll-mt-6 space-y-4">
      <h3 id="comment-form-heading" className="text-lg font-semibold">Post a comment</h3>
      {replyTo ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Replying to <bdi className="font-semibold">{replyTo.name}</bdi>.{' '}
          <a href={`${postUrl}#comment-form`} className="text-teal-700 underline dark:text-teal-300">Cancel reply</a>
        </p>
      ) : null}
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="parentId" value={replyTo?.id ?? ''} />
      <input type="hidden" name="idempotencyKey" value={formKey} />
      <div>
        <label htmlFor="comment-name" className="font-medium">Name</label>
        <input id="comment-name" name="name" autoComplete="name" value={draft.name} onChange={(e) => draft.setName(e.target.value)} aria-invalid={Boolean(errors.name)} aria-describedby={describedBy('name')} className={inputClass} />
        <FieldError id="comment-name-error" messages={errors.name} />
      </div>
      <div>
        <label htmlFor="comment-body" className="font-medium">Comment</label>
        <textarea id="comment-body" ref={bodyRef} name="body" rows={6} value={draft.body} onChange={(e) => draft.setBody(e.target.value)} aria-invalid={Boolean(errors.body)} aria-describedby={describedBy('body', 'comment-body-hint')} className={inputClass} />
        <p id="comment-body-hint" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          Plain text; line breaks are kept. Comments with links wait for moderation. <span className={count > BODY_MAX ? 'font-semibold text-red-700' : ''}>{count.toLocaleString('en-GB')} / {BODY_MAX.toLocaleString('en-GB')} characters</span>
        </p>
        <FieldError id="comment-body-error" messages={errors.body} />
      </div>
      {/* The honeypot: hidden from people and assistive technology, filled in by bots. */}
      <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
        <label htmlFor="comment-website">Website (leave empty)</label>
        <input id="comment-website" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" disabled={isSending} className="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800 disabled:cursor-wait disabled:opacity-70">
        {isSending ? 'Posting…' : 'Post comment'}
      </button>
      <p role="status" aria-live="polite" className="text-sm text-zinc-700 dark:text-zinc-300">{status}</p>
    </form>
  )
}

function FieldError({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null
  return <p id={id} className="mt-1 text-sm font-medium text-red-700 dark:text-red-400">{messages.join(' ')}</p>
}
