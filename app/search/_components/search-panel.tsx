'use client'

import { useEffect, useState } from 'react'
import { loadPagefind, searchPosts, type SearchHit } from '@/lib/search/pagefind-client'
import { SearchResults } from './search-results'

const PAGE_SIZE = 10

type Outcome =
  | { status: 'done'; term: string; total: number; hits: SearchHit[]; more: Array<() => Promise<SearchHit>> }
  | { status: 'error'; term: string }

export type SearchPanelProps = {
  /** The trimmed query the box holds; '' shows nothing. */
  term: string
}

/** The results of the search for `term`, searched in the browser with Pagefind as the reader types. */
export function SearchPanel({ term }: SearchPanelProps) {
  const [outcome, setOutcome] = useState<Outcome>()
  // The outcome on screen belongs to the last term searched; a newer term is still on its way.
  const isPending = term !== '' && outcome?.term !== term

  useEffect(() => {
    // Start fetching the engine while the reader is still typing. A failure here is reported by
    // the search that needs it, which tries to load it again.
    loadPagefind().catch(() => undefined)
  }, [])

  useEffect(() => {
    if (!term) return
    let isCurrent = true
    searchPosts(term)
      .then(async ({ total, hits }) => {
        const first = await Promise.all(hits.slice(0, PAGE_SIZE).map((load) => load()))
        if (isCurrent) setOutcome({ status: 'done', term, total, hits: first, more: hits.slice(PAGE_SIZE) })
      })
      .catch((error: unknown) => {
        console.error('Search failed', error)
        if (isCurrent) setOutcome({ status: 'error', term })
      })
    return () => {
      isCurrent = false
    }
  }, [term])

  async function showMore() {
    if (outcome?.status !== 'done') return
    const next = await Promise.all(outcome.more.slice(0, PAGE_SIZE).map((load) => load()))
    setOutcome({ ...outcome, hits: [...outcome.hits, ...next], more: outcome.more.slice(PAGE_SIZE) })
  }

  // While a newer search runs, the previous results stay (no flicker) and the status keeps its
  // text, so a screen reader hears one count per settled search.
  const shown = term ? outcome : undefined

  return (
    <>
      <p role="status" className="mt-4 min-h-6 text-sm text-zinc-600 dark:text-zinc-400">
        {shown ? describe(shown) : null}
      </p>
      {isPending ? (
        <p aria-hidden="true" className="text-sm text-zinc-600 dark:text-zinc-400">
          Searching…
        </p>
      ) : null}
      {shown?.status === 'done' && shown.hits.length > 0 ? (
        <SearchResults hits={shown.hits} isStale={isPending} hasMore={shown.more.length > 0} onShowMore={showMore} />
      ) : null}
    </>
  )
}

function describe(outcome: Outcome): string {
  if (outcome.status === 'error') return 'Search is not available right now. Please try again in a moment.'
  if (outcome.total === 0) return `No posts match “${outcome.term}”. Try fewer or different words.`
  return `${outcome.total} ${outcome.total === 1 ? 'post matches' : 'posts match'} “${outcome.term}”.`
}
