'use server'

import { updateTag } from 'next/cache'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { getConfig } from '@/lib/config'
import { getPostBySlug } from '@/lib/posts'
import { invalidateComments } from './cache'
import { describeFailure, describeServerError, type FailureDescription } from './failures'
import type { CommentFormState, CommentFormValues } from './form-state'
import { getOriginPolicy, isCrossSite } from './origin'
import { commentInputSchema, describeProblems } from './schema'
import { clientOf, getCommentServices } from './services'
import { submitComment } from './submit'
import { commentErrorMessages, type CommentErrorCode } from './text'

// The comment form without JavaScript: the browser posts the form to the post's own address and
// Next.js runs this action. A stored comment redirects (303) to the page, at the comment
// (`#comment-<id>`) or at the "awaiting moderation" note (`#comment-pending`); a refused one
// re-renders the page with the reader's text and the messages. No state ever travels in a URL, and
// the page itself stays a static file for every other view. With JavaScript the form posts JSON to
// /api/comments instead; both go through the same use case.

const text = (formData: FormData, name: string) => {
  const value = formData.get(name)
  return typeof value === 'string' ? value : ''
}

function refuse(
  values: CommentFormValues,
  codes: readonly CommentErrorCode[],
  fieldErrors: Record<string, string[]> = {},
): CommentFormState {
  const messages = codes.map((code) => commentErrorMessages[code])
  // A plain object: React binds the state to the re-rendered form (for its next post), and its
  // encoder refuses null-prototype objects, which would leave a form that cannot be sent again.
  // The keys are the form's own field names, never a client's.
  return {
    status: 'refused',
    values,
    fieldErrors: Object.fromEntries(Object.entries(fieldErrors)),
    message: `Your comment was not posted: ${messages.join(' ')}`,
  }
}

function refuseWith(values: CommentFormValues, { code, field }: FailureDescription): CommentFormState {
  return refuse(values, [code], field ? { [field]: [commentErrorMessages[code]] } : {})
}

export async function postCommentFromForm(_previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const values = { name: text(formData, 'name'), body: text(formData, 'body'), parentId: text(formData, 'parentId') }
  const requestHeaders = await headers()
  const config = getConfig()
  if (isCrossSite(requestHeaders, getOriginPolicy(config))) return refuse(values, ['cross-site'])
  // Only the form's own fields: the ones Next.js adds to identify the action are not comment fields.
  const parsed = commentInputSchema.safeParse({
    slug: text(formData, 'slug'),
    website: text(formData, 'website'),
    ...values,
  })
  if (!parsed.success) {
    const { codes, fieldErrors } = describeProblems(parsed.error)
    return refuse(values, codes, fieldErrors)
  }
  const post = getPostBySlug(parsed.data.slug)
  if (!post) return refuseWith(values, describeFailure({ kind: 'not-found' }))
  let result
  try {
    result = await submitComment(
      await getCommentServices(config, (slug) => invalidateComments(slug, updateTag)),
      parsed.data,
      clientOf(requestHeaders, config),
    )
  } catch (error) {
    return refuseWith(values, describeServerError(error, 'posting a comment'))
  }
  if (result.kind !== 'created') return refuseWith(values, describeFailure(result))
  const target = result.comment.status === 'published' ? `comment-${result.comment.id}` : 'comment-pending'
  // A Location header is bytes: a slug outside ASCII is percent-encoded.
  redirect(`${encodeURI(post.url)}#${target}`)
}
