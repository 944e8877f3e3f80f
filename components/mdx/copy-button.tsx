'use client'

import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'
const messages: Record<CopyState, string> = { idle: '', copied: 'Copied', failed: 'Copy failed' }
const RESET_AFTER_MS = 2000

const subscribeToNothing = () => () => {}
const canCopy = () => typeof navigator.clipboard?.writeText === 'function'

const buttonClass =
  'rounded border border-zinc-300 bg-white px-2 py-0.5 font-sans font-medium text-zinc-700 ' +
  'hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200 dark:hover:bg-zinc-800'

/**
 * Copies the code of the block it sits in. The server renders nothing (and so does a browser
 * without JavaScript or without the Clipboard API, e.g. over plain HTTP): no button that cannot work.
 */
export function CopyButton() {
  const isAvailable = useSyncExternalStore(subscribeToNothing, canCopy, () => false)
  const [state, setState] = useState<CopyState>('idle')
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (state === 'idle') return
    const timer = window.setTimeout(() => setState('idle'), RESET_AFTER_MS)
    return () => window.clearTimeout(timer)
  }, [state])

  async function copy() {
    const code = buttonRef.current?.closest('[data-code-block]')?.querySelector('code')
    if (!code) return
    try {
      await navigator.clipboard.writeText(readCode(code))
      setState('copied')
    } catch (error) {
      console.error('Copying the code failed', error)
      setState('failed')
    }
  }

  if (!isAvailable) return null
  return (
    <>
      <button ref={buttonRef} type="button" onClick={copy} className={buttonClass}>
        {state === 'copied' ? 'Copied' : 'Copy'}
        <span className="sr-only"> code</span>
      </button>
      <span role="status" className="sr-only">
        {messages[state]}
      </span>
    </>
  )
}

/** The code as written: one line per `data-line` (line numbers are CSS, not text). */
function readCode(code: HTMLElement): string {
  const lines = Array.from(code.querySelectorAll<HTMLElement>('[data-line]'), (line) => line.textContent ?? '')
  // rehype-pretty-code writes a single space into empty lines so they keep their height.
  return lines.map((line) => (line === ' ' ? '' : line)).join('\n')
}
