import Link from 'next/link'
import type { SeriesInfo } from '@/lib/series'

export type SeriesNavProps = { series: SeriesInfo; currentSlug: string }

/** "Part N of M" and every part of the series, oldest first, the current one marked. */
export function SeriesNav({ series, currentSlug }: SeriesNavProps) {
  return (
    <nav aria-label="Series" className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <p className="font-semibold text-zinc-900 dark:text-zinc-100">
        Part {series.part} of {series.parts.length} in the series “{series.name}”
      </p>
      <ol className="mt-3 list-decimal space-y-1 pl-5">
        {series.parts.map((part) => (
          <li key={part.slug}>
            {part.slug === currentSlug ? (
              <span aria-current="page" className="font-semibold text-zinc-900 dark:text-zinc-100">
                {part.title}
              </span>
            ) : (
              <Link href={part.url} className="text-teal-700 hover:underline dark:text-teal-300">
                {part.title}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
