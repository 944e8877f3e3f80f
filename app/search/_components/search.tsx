'use client'

import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useIsHydrated } from '@/components/use-is-hydrated'
import { SearchForm } from './search-form'
import { SearchPanel } from './search-panel'

/** The query in the address bar's `?q=`, trimmed; '' when there is none. */
function readQuery(): string {
  return (new URLSearchParams(window.location.search).get('q') ?? '').trim()
}

/**
 * Puts `query` in the address bar's `?q=`, as a new history entry or in place of the current one;
 * false when it was there already. Next.js keeps its router in step with these native calls.
 */
function writeQuery(query: string, mode: 'push' | 'replace'): boolean {
  const url = new URL(window.location.href)
  if (query) url.searchParams.set('q', query)
  else url.searchParams.delete('q')
  if (url.href === window.location.href) return false
  if (mode === 'push') window.history.pushState(null, '', url)
  else window.history.replaceState(null, '', url)
  return true
}

/**
 * The search box and its results. The box owns the query: it is read from `?q=` once on load and
 * on Back/Forward (popstate), and written to `?q=` as the reader types (replacing the entry, so a
 * search can be shared) and when they submit (the next query starts a new entry, so Back returns to
 * this one). The URL is only ever written here, so nothing has to be reconciled with it.
 */
export function Search() {
  const inputRef = useRef<HTMLInputElement>(null)
  const [term, setTerm] = useState('')
  const isCommitted = useRef(true)
  const isHydrated = useIsHydrated()

  useEffect(() => {
    const input = inputRef.current
    if (!input) return
    // Text typed before hydration (the server's box is an empty GET form) is newer than the URL:
    // search it rather than wipe it.
    const typed = input.value.trim()
    if (typed) isCommitted.current = !writeQuery(typed, 'replace')
    else input.value = readQuery()
    // The URL exists only in the browser, so the first term is known after hydration.
    setTerm(typed || input.value)

    function handlePopState() {
      if (!input) return
      input.value = readQuery()
      setTerm(input.value)
      isCommitted.current = true
    }
    window.addEventListener('popstate', handlePopState)
    return () => window.removeEventListener('popstate', handlePopState)
  }, [])

  function handleInput(value: string) {
    const query = value.trim()
    setTerm(query)
    if (writeQuery(query, isCommitted.current ? 'push' : 'replace')) isCommitted.current = false
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    handleInput(inputRef.current?.value ?? '')
    isCommitted.current = true
  }

  return (
    <>
      <SearchForm inputRef={inputRef} isHydrated={isHydrated} onInput={handleInput} onSubmit={handleSubmit} />
      <SearchPanel term={term} />
    </>
  )
}
