import { randomUUID } from 'node:crypto'
import { connection } from 'next/server'
import { CommentForm } from '@/components/comment-form'
import { CommentList } from '@/components/comment-list'
import { getDb, DatabaseNotConfiguredError, DatabaseUnavailableError } from '@/lib/db'
import { isCommentErrorCode, type PublicComment } from '@/lib/comments/schema'
import { listComments } from '@/lib/comments/store'
import { buildThreads, countLabel } from '@/lib/comments/thread'

export type CommentsSectionProps = {
  slug: string
  postUrl: string
  searchParams: Promise<Record<string, string | string[] | undefined>>
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

type Loaded = { comments: PublicComment[] } | { problem: 'not-configured' | 'unavailable' }

async function loadComments(slug: string): Promise<Loaded> {
  try {
    return { comments: await listComments(await getDb(), slug) }
  } catch (error) {
    // Whatever went wrong, the article above must still render: the comments say they are unavailable.
    if (error instanceof DatabaseNotConfiguredError) return { problem: 'not-configured' }
    if (error instanceof DatabaseUnavailableError) console.warn('[comments] could not load comments:', error.message)
    else console.error('[comments] could not load comments:', error)
    return { problem: 'unavailable' }
  }
}

/** The request-time part of a post page: read per request inside the page's Suspense boundary. */
export async function CommentsSection({ slug, postUrl, searchParams }: CommentsSectionProps) {
  await connection()
  const [params, loaded] = await Promise.all([searchParams, loadComments(slug)])
  if ('problem' in loaded && loaded.problem === 'not-configured') {
    return (
      <div data-comments-live>
        <h2 id="comments-heading" className="text-xl font-semibold">Comments</h2>
        <div id="comment-form" className="mt-4">
          <h3 className="text-lg font-semibold">Post a comment</h3>
          <p className="mt-2 text-zinc-700 dark:text-zinc-300">Comments are unavailable on this site right now.</p>
        </div>
      </div>
    )
  }
  const comments = 'comments' in loaded ? loaded.comments : []
  const replyId = Number(first(params.replyTo))
  const parent = comments.find((comment) => comment.id === replyId && comment.status === 'published')
  const errors = [params.error].flat().filter((code): code is string => typeof code === 'string').filter(isCommentErrorCode)
  const outcome = first(params.comment)

  return (
    // data-comments-live: how globals.css finds this part for readers without JavaScript.
    <div data-comments-live>
      <h2 id="comments-heading" className="text-xl font-semibold">
        {'comments' in loaded ? countLabel(comments) : 'Comments'}
      </h2>
      <div className="mt-6">
        {'comments' in loaded ? (
          <CommentList threads={buildThreads(comments)} now={new Date()} postUrl={postUrl} />
        ) : (
          <p role="alert" className="text-zinc-700 dark:text-zinc-300">Comments could not be loaded right now. Please try again later.</p>
        )}
      </div>
      <CommentForm
        slug={slug}
        postUrl={postUrl}
        replyTo={parent?.name ? { id: parent.id, name: parent.name } : undefined}
        formKey={randomUUID()}
        initial={{
          name: first(params.name),
          body: first(params.body),
          errors,
          outcome: outcome === 'published' || outcome === 'pending' ? outcome : undefined,
        }}
      />
    </div>
  )
}
