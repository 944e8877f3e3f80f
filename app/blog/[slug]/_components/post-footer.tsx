import { PostNav } from '@/components/post-nav'
import { getAllPosts } from '@/lib/posts'
import { getAdjacentPosts } from '@/lib/series'
import { getEditUrl } from '@/lib/site'

export type PostFooterProps = { slug: string; sourceFilePath: string }

/** Under the article: a link to edit its source file, and the posts published before and after it. */
export function PostFooter({ slug, sourceFilePath }: PostFooterProps) {
  return (
    <footer className="mt-12 flex flex-col gap-8 lg:col-start-1">
      <p className="text-sm">
        <a
          href={getEditUrl(sourceFilePath)}
          className="text-zinc-600 underline hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          Edit this page on GitHub
        </a>
      </p>
      <PostNav {...getAdjacentPosts(getAllPosts(), slug)} />
    </footer>
  )
}
