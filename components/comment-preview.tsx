'use client'

import { useRef, useState, useSyncExternalStore } from 'react'
import { previewComment } from '@/lib/comments/client'
import { normalizeText } from '@/lib/comments/text'
import { CommentHtml } from './comment-html'

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'rendered'; html: string }
  | { status: 'failed'; message: string }

/**
 * The form's Preview: the server renders the text (POST /api/comments/preview), so the post page
 * ships no Markdown code. A newer request aborts an older one, whose answer is then ignored.
 */
export function useCommentPreview() {
  const [state, setState] = useState<PreviewState>({ status: 'idle' })
  const pending = useRef<AbortController>(undefined)

  async function render(body: string) {
    pending.current?.abort()
    const text = normalizeText(body)
    if (!text) {
      setState({ status: 'rendered', html: '' })
      return
    }
    const controller = new AbortController()
    pending.current = controller
    setState({ status: 'loading' })
    const result = await previewComment(text, controller.signal)
    if (controller.signal.aborted) return
    if (result.kind === 'rendered') setState({ status: 'rendered', html: result.html })
    else
      setState({
        status: 'failed',
        message:
          result.kind === 'rejected' ? result.error : 'The network is unreachable. Your text is kept; try again.',
      })
  }

  function cancel() {
    pending.current?.abort()
    setState({ status: 'idle' })
  }

  return { state, render, cancel }
}

const noSubscription = () => () => {}

/** Write / Preview, two toggle buttons; rendered only once JavaScript runs, since only then can they work. */
export function PreviewToggle({ isPreview, onChange }: { isPreview: boolean; onChange: (isPreview: boolean) => void }) {
  const isHydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  )
  if (!isHydrated) return null
  const buttonClass =
    'rounded-md px-3 py-1 text-sm font-medium aria-pressed:bg-zinc-200 ' +
    'aria-pressed:text-zinc-900 dark:aria-pressed:bg-zinc-700 dark:aria-pressed:text-zinc-100'
  return (
    <div
      role="group"
      aria-label="Write or preview"
      className="mt-1 inline-flex gap-1 rounded-lg border border-zinc-300 p-0.5 dark:border-zinc-700"
    >
      <button type="button" aria-pressed={!isPreview} onClick={() => onChange(false)} className={buttonClass}>
        Write
      </button>
      <button type="button" aria-pressed={isPreview} onClick={() => onChange(true)} className={buttonClass}>
        Preview
      </button>
    </div>
  )
}

/** The rendered text, or what the preview is doing, in a labelled region. */
export function PreviewPanel({ state }: { state: PreviewState }) {
  return (
    <section
      id="comment-preview"
      aria-label="Preview"
      aria-busy={state.status === 'loading'}
      className="mt-1 min-h-36 rounded-md border border-zinc-300 px-3 py-2 dark:border-zinc-700"
    >
      {state.status === 'rendered' && state.html ? <CommentHtml html={state.html} /> : null}
      <p role="status" className="text-sm text-zinc-600 empty:hidden dark:text-zinc-400">
        {state.status === 'loading'
          ? 'Loading preview…'
          : state.status === 'rendered' && !state.html
            ? 'Nothing to preview yet.'
            : ''}
      </p>
      {state.status === 'failed' ? (
        <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
          The preview could not be shown: {state.message}
        </p>
      ) : null}
    </section>
  )
}
