import { useEffect, useRef, useState } from 'react'
import { isRecord } from '@/lib/comments/public-comment'

type Sent = { fingerprint: string; key: string } | undefined
type StoredDraft = { name: string; body: string; sent: Sent }

/** What an earlier visit left in localStorage, if it has the expected shape (anything may be there). */
function readStoredDraft(json: string | null): StoredDraft | undefined {
  const value: unknown = JSON.parse(json ?? 'null')
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.body !== 'string') return undefined
  const { sent } = value
  const isSent = isRecord(sent) && typeof sent.fingerprint === 'string' && typeof sent.key === 'string'
  return {
    name: value.name,
    body: value.body,
    sent: isSent ? { fingerprint: String(sent.fingerprint), key: String(sent.key) } : undefined,
  }
}

const NAME_KEY = 'comment-name'

/** crypto.randomUUID() exists only on HTTPS pages; getRandomValues works everywhere. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function save(key: string, value: unknown) {
  try {
    localStorage.setItem(key, typeof value === 'string' ? value : JSON.stringify(value))
  } catch (error) {
    console.warn('Could not save the comment draft:', error)
  }
}

/**
 * The reader's name and text, kept in localStorage so a reload or a crash loses nothing (the name
 * also across posts), and one idempotency key per submitted text: a double click, or a retry after
 * a lost response (even after a reload), sends the same key and makes one comment, while an edited
 * text gets a new key. Values from the server (the form action's answer to a post sent before the
 * page's JavaScript ran) win over the stored draft.
 */
export function useCommentDraft(slug: string, initial: { name?: string | undefined; body?: string | undefined }) {
  const storageKey = `comment-draft:${slug}`
  const [name, setName] = useState(initial.name ?? '')
  const [body, setBody] = useState(initial.body ?? '')
  const sent = useRef<Sent>(undefined)
  const isRestored = useRef(false)

  useEffect(() => {
    if (isRestored.current) return
    isRestored.current = true
    let stored: StoredDraft | undefined
    try {
      stored = readStoredDraft(localStorage.getItem(storageKey))
      sent.current = stored?.sent
      // Restoring after hydration is the point: the server cannot know the draft.
      /* eslint-disable react-hooks/set-state-in-effect */
      if (!initial.body && stored?.body) setBody(stored.body)
      if (!initial.name) setName(stored?.name || localStorage.getItem(NAME_KEY) || '')
      /* eslint-enable react-hooks/set-state-in-effect */
    } catch (error) {
      console.warn('Could not read the saved comment draft:', error)
    }
  }, [storageKey, initial.body, initial.name])

  useEffect(() => {
    if (!isRestored.current) return
    save(storageKey, { name, body, sent: sent.current })
    if (name) save(NAME_KEY, name)
  }, [storageKey, name, body])

  return {
    name,
    setName,
    body,
    setBody,
    keyFor(fingerprint: string): string {
      if (sent.current?.fingerprint !== fingerprint) sent.current = { fingerprint, key: newKey() }
      save(storageKey, { name, body, sent: sent.current })
      return sent.current.key
    },
    /** After a comment is stored: the text and its key are done with; the name stays. */
    clear() {
      sent.current = undefined
      setBody('')
      try {
        localStorage.removeItem(storageKey)
      } catch (error) {
        console.warn('Could not clear the comment draft:', error)
      }
    },
  }
}
