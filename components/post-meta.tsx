import Link from 'next/link'
import { formatPostDate, isoDay } from '@/lib/format'
import { getTagPath, getTagSlug, normalizeTag } from '@/lib/tags'

export type PostMetaProps = { date: string; updated?: string | undefined; readingTime: number; tags: readonly string[] }

const tagClass =
  'block rounded-full bg-zinc-100 px-2.5 py-0.5 text-xs font-medium text-zinc-700 ' +
  'hover:bg-zinc-200 hover:text-zinc-900 dark:bg-zinc-800 dark:text-zinc-300 dark:hover:bg-zinc-700 ' +
  'dark:hover:text-zinc-50'

export function PostMeta({ date, updated, readingTime, tags }: PostMetaProps) {
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-zinc-600 dark:text-zinc-400">
      <time dateTime={isoDay(date)}>{formatPostDate(date)}</time>
      {updated ? (
        <span>
          Updated <time dateTime={isoDay(updated)}>{formatPostDate(updated)}</time>
        </span>
      ) : null}
      <span aria-hidden="true">·</span>
      <span>{readingTime} min read</span>
      {tags.length > 0 ? (
        <ul aria-label="Tags" className="flex flex-wrap gap-2">
          {tags.map((tag) => (
            <li key={tag}>
              <Link href={getTagPath(getTagSlug(tag))} className={tagClass}>
                {normalizeTag(tag)}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}
