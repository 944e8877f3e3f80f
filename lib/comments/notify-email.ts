import 'server-only'
import { createTransport } from 'nodemailer'
import type { ModerationLinks } from './moderation-token'
import { stripTerminalControls } from './cli-format'
import type { WebhookPayload } from './webhook'

// The author's e-mail about a new comment: plain text (never the commenter's text as HTML), with
// the signed moderation links. Sent after the response, like the webhook; a failure is logged.

export type EmailSettings = {
  smtpUrl: string
  to: string
  from: string
  /** `held`: only comments awaiting moderation; `all`: published ones too. */
  mode: 'held' | 'all'
}

export type CommentEmail = { subject: string; text: string }

/** Spam is never mailed; a published comment only when the author asked for every comment. */
export function shouldEmail(payload: WebhookPayload, mode: EmailSettings['mode']): boolean {
  return payload.isAwaitingModeration || mode === 'all'
}

const oneLine = (text: string, max: number) => {
  const line = stripTerminalControls(text.replace(/\s+/g, ' ')).trim()
  return Array.from(line).length > max
    ? `${Array.from(line)
        .slice(0, max - 1)
        .join('')}…`
    : line
}

export function composeCommentEmail(payload: WebhookPayload, links: ModerationLinks): CommentEmail {
  const { comment, post } = payload
  const state = payload.isAwaitingModeration ? 'awaits moderation' : 'was published'
  const body = stripTerminalControls(comment.body ?? '', { keepNewlines: true })
  const text = [
    `A comment by ${oneLine(comment.name ?? '', 80)} on "${oneLine(post.title, 120)}" ${state}.`,
    `Post: ${post.url}`,
    '',
    ...body.split('\n').map((line) => `> ${line}`),
    '',
    `Review it (approve, delete or mark as spam): ${links.url}`,
    '',
    `Approve: ${links.actions.approve}`,
    `Delete: ${links.actions.delete}`,
    `Spam: ${links.actions.spam}`,
    '',
    'Each link opens a page with a button; nothing changes until you press it. ' +
      `The links work until ${links.expiresAt}.`,
  ].join('\n')
  return { subject: `Comment ${comment.id} ${state}: ${oneLine(post.title, 80)}`, text }
}

/** Never throws: a refused or unreachable mail server is logged and forgotten. */
export async function sendCommentEmail(
  settings: EmailSettings,
  email: CommentEmail,
  commentId: number,
): Promise<boolean> {
  try {
    const transport = createTransport(settings.smtpUrl)
    await transport.sendMail({ from: settings.from, to: settings.to, subject: email.subject, text: email.text })
    transport.close()
    return true
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    console.warn(`[comments] the e-mail about comment ${commentId} was not sent: ${reason}`)
    return false
  }
}
