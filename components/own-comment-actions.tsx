'use client'

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { deleteComment, editComment } from '@/lib/comments/client'
import {
  forgetOwnComment,
  formatUntil,
  readOwnComment,
  rememberOwnComment,
  type OwnComment,
} from '@/lib/comments/own-comments'
import { BODY_MAX, checkCommentText, countCharacters, normalizeText } from '@/lib/comments/text'
import { useRefreshAfterWrite } from './use-refresh-after-write'

export type OwnCommentActionsProps = { id: number; name: string }

const buttonClass =
  'text-sm font-medium text-teal-700 underline-offset-2 hover:underline disabled:cursor-wait ' +
  'disabled:opacity-70 dark:text-teal-300'

const textAreaClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-zinc-900 ' +
  'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100'

const saveClass = 'rounded-md bg-teal-700 px-3 py-1 font-semibold text-white hover:bg-teal-800 disabled:opacity-70'

/**
 * Edit and Delete for a comment posted from this browser, while its edit window is open. The page is
 * the same cached file for everyone: this renders nothing on the server and finds the comment's
 * secret in localStorage after hydration. Without JavaScript there is nothing to show, and the form's
 * help text says so.
 */
export function OwnCommentActions({ id, name }: OwnCommentActionsProps) {
  const [own, setOwn] = useState<OwnComment>()
  const [isEditing, setIsEditing] = useState(false)
  const [text, setText] = useState('')
  const [status, setStatus] = useState('')
  const [isBusy, setIsBusy] = useState(false)
  const [, refreshPage] = useRefreshAfterWrite()
  const editButton = useRef<HTMLButtonElement>(null)
  const textArea = useRef<HTMLTextAreaElement>(null)
  const fieldId = useId()

  // After hydration only: the server cannot know what this browser keeps.
  useEffect(() => {
    setOwn(readOwnComment(id)) // eslint-disable-line react-hooks/set-state-in-effect
  }, [id])

  // The buttons go when the window closes.
  useEffect(() => {
    if (!own) return
    const timer = setTimeout(() => setOwn(readOwnComment(id)), Math.max(0, Date.parse(own.until) - Date.now()) + 500)
    return () => clearTimeout(timer)
  }, [id, own])

  useEffect(() => {
    if (isEditing) textArea.current?.focus()
  }, [isEditing])

  if (!own)
    return status ? (
      <div role="status" className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        {status}
      </div>
    ) : null

  function closeEditor() {
    setIsEditing(false)
    requestAnimationFrame(() => editButton.current?.focus())
  }

  function refused(error: string, httpStatus: number) {
    // The window closed (or the secret no longer matches): the buttons go, the message stays.
    if (httpStatus === 403 || httpStatus === 404) {
      forgetOwnComment(id)
      setOwn(undefined)
    }
    setStatus(error)
  }

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (!own || isBusy) return
    const problems = checkCommentText({ name, body: text })
    if (problems.body) return setStatus(`Not saved: ${problems.body.join(' ')}`)
    setIsBusy(true)
    setStatus('Saving…')
    const result = await editComment(id, own.secret, { body: text })
    setIsBusy(false)
    if (result.kind === 'network-error')
      return setStatus('Not saved: the network is unreachable. Your text is kept; try again.')
    if (result.kind === 'rejected')
      return refused(
        `Not saved: ${[result.error, ...Object.values(result.fieldErrors).flat()].join(' ')}`,
        result.status,
      )
    const next = { ...own, until: result.until, body: result.comment.body ?? text }
    setOwn(next)
    rememberOwnComment(id, next)
    setStatus(
      result.comment.status === 'published'
        ? 'Your comment was saved.'
        : 'Your comment was saved and awaits moderation again (it has a new link).',
    )
    closeEditor()
    refreshPage()
  }

  async function remove() {
    if (!own || isBusy || !window.confirm('Delete your comment? This cannot be undone.')) return
    setIsBusy(true)
    setStatus('Deleting…')
    const result = await deleteComment(id, own.secret)
    setIsBusy(false)
    if (result.kind === 'network-error') return setStatus('Not deleted: the network is unreachable. Try again.')
    if (result.kind === 'rejected') return refused(`Not deleted: ${result.error}`, result.status)
    forgetOwnComment(id)
    setOwn(undefined)
    setStatus('Your comment was deleted.')
    refreshPage()
  }

  function cancelOnEscape(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape') closeEditor()
  }

  const count = countCharacters(normalizeText(text))
  const counter = `${count.toLocaleString('en-GB')} / ${BODY_MAX.toLocaleString('en-GB')} characters`
  return (
    <div className="mt-2 text-sm">
      {isEditing ? (
        <form onSubmit={save} onKeyDown={cancelOnEscape} noValidate className="space-y-2">
          <label htmlFor={fieldId} className="font-medium">
            Edit your comment
          </label>
          <textarea
            id={fieldId}
            ref={textArea}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-describedby={`${fieldId}-hint`}
            className={textAreaClass}
          />
          <div id={`${fieldId}-hint`} className="text-zinc-600 dark:text-zinc-400">
            Until {formatUntil(own.until)}. A new link waits for moderation again. {counter}
          </div>
          <div className="flex gap-4">
            <button type="submit" disabled={isBusy} className={saveClass}>
              {isBusy ? 'Saving…' : 'Save'}
            </button>
            <button type="button" onClick={closeEditor} className={buttonClass}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap items-baseline gap-x-4 text-zinc-600 dark:text-zinc-400">
          <button
            ref={editButton}
            type="button"
            disabled={isBusy}
            onClick={() => {
              setText(own.body)
              setStatus('')
              setIsEditing(true)
            }}
            className={buttonClass}
          >
            Edit<span className="sr-only"> your comment</span>
          </button>
          <button type="button" disabled={isBusy} onClick={remove} className={buttonClass}>
            Delete<span className="sr-only"> your comment</span>
          </button>
          <span>You can edit or delete it until {formatUntil(own.until)}.</span>
        </div>
      )}
      {/* Divs, not paragraphs: the comment's text is the article's one paragraph. */}
      <div role="status" className="mt-1 text-zinc-700 dark:text-zinc-300">
        {status}
      </div>
    </div>
  )
}
