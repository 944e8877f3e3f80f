import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMailText, startTestSmtpServer } from '@/test/support/smtp-server'
import { createModerationLinks } from './moderation-token'
import { composeCommentEmail, sendCommentEmail, shouldEmail } from './notify-email'
import type { WebhookPayload } from './webhook'

const links = createModerationLinks('k'.repeat(32), 'https://blog.example.com', 42, new Date('2026-12-01T10:00:00Z'))
const payload = (isAwaitingModeration: boolean): WebhookPayload => ({
  event: 'comment.created',
  comment: {
    id: 42,
    parentId: null,
    name: 'Ann\u001b[2J',
    body: 'First line\nSee https://spam.example/x',
    createdAt: '2026-12-01T10:00:00.000Z',
    editedAt: null,
    status: 'pending',
  },
  post: { slug: 'a-post', title: 'A post\nBcc: victim@example.com', url: 'https://blog.example.com/blog/a-post' },
  isAwaitingModeration,
  moderation: links,
})

let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>
beforeAll(async () => void (smtp = await startTestSmtpServer()))
afterAll(() => smtp.close())

describe('the comment e-mail', () => {
  it('goes out for held comments, and for published ones only when the author asked for all', () => {
    expect(shouldEmail(payload(true), 'held')).toBe(true)
    expect(shouldEmail(payload(false), 'held')).toBe(false)
    expect(shouldEmail(payload(false), 'all')).toBe(true)
  })

  it('quotes the whole text and carries the page link and one link per action; the subject is one clean line', () => {
    const email = composeCommentEmail(payload(true), links)
    expect(email.subject).toBe('Comment 42 awaits moderation: A post Bcc: victim@example.com')
    expect(email.text).toContain('A comment by Ann on "A post Bcc: victim@example.com" awaits moderation.')
    expect(email.text).toContain('> First line\n> See https://spam.example/x')
    expect(email.text).toContain(`Review it (approve, delete or mark as spam): ${links.url}`)
    expect(email.text).toContain(`Approve: ${links.actions.approve}`)
    expect(email.text).toContain(`until ${links.expiresAt}`)
    expect(email.text).not.toContain('\u001b')
  })

  it('is delivered through SMTP as plain text', async () => {
    const email = composeCommentEmail(payload(true), links)
    const settings = { smtpUrl: smtp.url, to: 'author@example.com', from: 'blog@example.com', mode: 'held' as const }
    const [isSent, mail] = await Promise.all([sendCommentEmail(settings, email, 42), smtp.next()])
    expect(isSent).toBe(true)
    expect(mail.from).toBe('blog@example.com')
    expect(mail.to).toEqual(['author@example.com'])
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/im)
    const { subject, text } = readMailText(mail.raw)
    expect(subject).toBe(email.subject)
    expect(text.trim()).toBe(email.text)
  })

  it('logs and returns false when the mail server cannot be reached', async () => {
    const settings = {
      smtpUrl: 'smtp://127.0.0.1:1',
      to: 'author@example.com',
      from: 'blog@example.com',
      mode: 'held' as const,
    }
    expect(await sendCommentEmail(settings, composeCommentEmail(payload(true), links), 42)).toBe(false)
  })
})
