import Link from 'next/link'
import { PostSummary } from '@/components/post-summary'
import { formatPostDate } from '@/lib/format'
import type { SearchHit } from '@/lib/search/pagefind-client'

export type SearchResultsProps = {
  hits: readonly SearchHit[]
  /** The results of the previous query, shown while a newer one runs. */
  isStale: boolean
  hasMore: boolean
  onShowMore: () => void
}

const showMoreClass =
  'mt-4 rounded-md border border-zinc-300 px-4 py-2 font-semibold text-zinc-800 ' +
  'hover:bg-zinc-100 dark:border-zinc-700 dark:text-zinc-200 dark:hover:bg-zinc-900'

export function SearchResults({ hits, isStale, hasMore, onShowMore }: SearchResultsProps) {
  return (
    <>
      <ol
        aria-label="Search results"
        aria-busy={isStale}
        className="mt-2 divide-y divide-zinc-200 aria-busy:opacity-60 dark:divide-zinc-800"
      >
        {hits.map((hit) => (
          <li key={hit.url} className="py-5">
            <PostSummary
              variant="searchResult"
              title={hit.title}
              url={hit.url}
              meta={<HitLocation date={hit.date} section={hit.section} />}
              summary={hit.snippet.map((part, index) =>
                part.isMatch ? (
                  <mark
                    key={index}
                    className="rounded-sm bg-amber-200 px-0.5 text-zinc-900 dark:bg-amber-300/30 dark:text-amber-100"
                  >
                    {part.text}
                  </mark>
                ) : (
                  part.text
                ),
              )}
            />
          </li>
        ))}
      </ol>
      {hasMore ? (
        <button type="button" onClick={onShowMore} className={showMoreClass}>
          Show more results
        </button>
      ) : null}
    </>
  )
}

/** The hit's date and the section of the post it is in, when it has them. */
function HitLocation({ date, section }: Pick<SearchHit, 'date' | 'section'>) {
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      {date ? <time dateTime={date}>{formatPostDate(date)}</time> : null}
      {date && section ? ' · ' : null}
      {section ? (
        <Link href={section.url} className="underline hover:text-zinc-900 dark:hover:text-zinc-100">
          {section.title}
        </Link>
      ) : null}
    </p>
  )
}
