'use client'

import { createContext, useContext, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react'
import { SearchForm } from './search-form'

type SearchInput = {
  inputRef: RefObject<HTMLInputElement | null>
  /** Puts `value` in the URL's `?q=`, as a new history entry or in place of the current one; false when it was there. */
  writeQuery: (value: string, mode: 'push' | 'replace') => boolean
  /**
   * Whether the URL's `query` is one written here, which the box holds already (or newer text):
   * Next.js applies a history change a render later, so while the reader types, the query the
   * panel receives lags behind the box and must not be written back into it.
   */
  isWrittenQuery: (query: string) => boolean
}

const SearchInputContext = createContext<SearchInput | null>(null)

/** Shares the search box's input, and the writing of its query, between the box and the panel. */
export function SearchInputProvider({ children }: { children: ReactNode }) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [value] = useState<SearchInput>(() => {
    let lastWritten: string | undefined
    // The queries written that the panel has not received yet, oldest first.
    let unseen: string[] = []
    return {
      inputRef,
      writeQuery: (value, mode) => {
        const query = value.trim()
        const url = new URL(window.location.href)
        if (query) url.searchParams.set('q', query)
        else url.searchParams.delete('q')
        // While Next.js catches up with fast typing, the address bar can briefly show an older
        // query: once something was written, the URL alone does not prove there is no change.
        if (url.href === window.location.href && (lastWritten === undefined || query === lastWritten)) return false
        lastWritten = query
        unseen.push(query)
        if (mode === 'push') window.history.pushState(null, '', url)
        else window.history.replaceState(null, '', url)
        return true
      },
      isWrittenQuery: (query) => {
        const index = unseen.indexOf(query)
        unseen = index >= 0 ? unseen.slice(index + 1) : []
        return index >= 0
      },
    }
  })
  return <SearchInputContext value={value}>{children}</SearchInputContext>
}

export function useSearchInput(): SearchInput {
  const value = useContext(SearchInputContext)
  if (!value) throw new Error('useSearchInput() needs a <SearchInputProvider> above it')
  return value
}

/**
 * The search box, outside the results' Suspense boundary: it is never swapped for a fallback, so
 * text typed while the page's code loads stays in it, with the focus. Typing replaces `?q=` in the
 * URL (so a search can be shared), submitting starts a new history entry (so Back returns to the
 * previous search); SearchPanel reads the query from the URL.
 */
export function SearchBox() {
  const { inputRef, writeQuery } = useSearchInput()
  const isCommitted = useRef(true)

  function handleInput(value: string) {
    if (writeQuery(value, isCommitted.current ? 'push' : 'replace')) isCommitted.current = false
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    handleInput(inputRef.current?.value ?? '')
    isCommitted.current = true
  }

  return <SearchForm inputRef={inputRef} onInput={handleInput} onSubmit={handleSubmit} />
}
