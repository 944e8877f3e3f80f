import type { Metadata } from 'next'
import Link from 'next/link'
import { getAlternates } from '@/lib/metadata'
import { getAllTags } from '@/lib/posts'
import { getTagPath } from '@/lib/tags'

export const metadata: Metadata = {
  title: 'Tags',
  description: 'Every topic on the blog, with the number of posts about it.',
  alternates: getAlternates('/tags'),
}

const tagLinkClass =
  'flex items-baseline gap-2 rounded-full border border-zinc-200 px-4 py-1.5 ' +
  'hover:border-teal-600 hover:text-teal-800 dark:border-zinc-800 dark:hover:border-teal-400 ' +
  'dark:hover:text-teal-200'

export default function TagsPage() {
  const tags = getAllTags()
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-8 text-3xl font-bold tracking-tight">Tags</h1>
      {tags.length === 0 ? (
        <p className="text-zinc-600 dark:text-zinc-400">No tags yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-3">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={getTagPath(tag.slug)} className={tagLinkClass}>
                <span className="font-medium">{tag.name}</span>{' '}
                <span className="text-sm text-zinc-600 dark:text-zinc-400">
                  {tag.count} {tag.count === 1 ? 'post' : 'posts'}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
