'use client'

import { createContext, useContext, useRef, useState, type FormEvent, type ReactNode, type RefObject } from 'react'
import { SearchForm } from './search-form'

type SearchInput = {
  inputRef: RefObject<HTMLInputElement | null>
  /** The box wrote `query` to the URL. */
  noteWrittenQuery: (query: string) => void
  /**
   * Whether the URL's `query` is one the box wrote, which the box holds already (or newer text):
   * Next.js applies a history change a render later, so while the reader types, the query the
   * panel receives lags behind the box and must not be written back into it.
   */
  isWrittenQuery: (query: string) => boolean
}

const SearchInputContext = createContext<SearchInput | null>(null)

/** Shares the search box's input between the box and the results panel, which live apart. */
export function SearchInputProvider({ children }: { children: ReactNode }) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [value] = useState<SearchInput>(() => {
    // The queries written that the panel has not received yet, oldest first.
    let unseen: string[] = []
    return {
      inputRef,
      noteWrittenQuery: (query) => void unseen.push(query),
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
  const { inputRef, noteWrittenQuery } = useSearchInput()
  const isCommitted = useRef(true)
  const lastWritten = useRef<string>(undefined)

  function updateUrl(value: string) {
    const query = value.trim()
    const url = new URL(window.location.href)
    if (query) url.searchParams.set('q', query)
    else url.searchParams.delete('q')
    // While Next.js catches up with the writes of fast typing, the address bar can briefly show an
    // older query: only a query equal to both the last one written and the URL's is no change.
    if (query === lastWritten.current && url.href === window.location.href) return
    lastWritten.current = query
    noteWrittenQuery(query)
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
