'use client'

import { createContext, useContext, useRef, type FormEvent, type ReactNode, type RefObject } from 'react'
import { SearchForm } from './search-form'

const SearchInputContext = createContext<RefObject<HTMLInputElement | null> | null>(null)

/** Shares the search box's input between the box and the results panel, which live apart. */
export function SearchInputProvider({ children }: { children: ReactNode }) {
  const inputRef = useRef<HTMLInputElement>(null)
  return <SearchInputContext value={inputRef}>{children}</SearchInputContext>
}

export function useSearchInput(): RefObject<HTMLInputElement | null> {
  const inputRef = useContext(SearchInputContext)
  if (!inputRef) throw new Error('useSearchInput() needs a <SearchInputProvider> above it')
  return inputRef
}

/**
 * The search box, outside the results' Suspense boundary: it is never swapped for a fallback, so
 * text typed while the page's code loads stays in it, with the focus. Typing replaces `?q=` in the
 * URL (so a search can be shared), submitting starts a new history entry (so Back returns to the
 * previous search); SearchPanel reads the query from the URL.
 */
export function SearchBox() {
  const inputRef = useSearchInput()
  const isCommitted = useRef(true)

  function updateUrl(value: string) {
    const url = new URL(window.location.href)
    if (value.trim()) url.searchParams.set('q', value.trim())
    else url.searchParams.delete('q')
    if (url.href === window.location.href) return
    if (isCommitted.current) window.history.pushState(null, '', url)
    else window.history.replaceState(null, '', url)
    isCommitted.current = false
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    updateUrl(inputRef.current?.value ?? '')
    isCommitted.current = true
  }

  return <SearchForm inputRef={inputRef} onInput={updateUrl} onSubmit={handleSubmit} />
}
