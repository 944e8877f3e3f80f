// What the moderation CLI (scripts/comments.ts) prints. A comment's text must neither hide from the
// moderator nor drive the terminal: escape sequences can clear the screen, rewrite earlier lines,
// set the window title or make links (OSC 8), and direction overrides can reorder what is shown.
import { findLinks, hasLink } from './links'
import type { PageRefresh } from './moderation-commands'
import type { StoredComment } from './types'

// Whole sequences first (CSI, OSC, DCS/SOS/PM/APC strings, two-character escapes), 7- and 8-bit,
// so that their parameters go too; each body stops at the next introducer, which keeps it linear.
// An unterminated string loses only its introducer: the text after it stays visible.
const CSI = /(?:\x1B\[|\x9B)[\x30-\x3F]*[\x20-\x2F]*[\x40-\x7E]/
const CONTROL_STRING = /(?:\x1B[\]PX^_]|[\x90\x98\x9D\x9E\x9F])[^\x07\x1B\x90-\x9F]*(?:\x07|\x1B\\|\x9C)/
const TWO_CHARACTER_ESCAPE = /\x1B[\x20-\x2F]*[\x30-\x7E]/
const ESCAPE_SEQUENCES = new RegExp(
  [CSI, CONTROL_STRING, TWO_CHARACTER_ESCAPE].map((sequence) => sequence.source).join('|'),
  'g',
)
const CONTROLS_AND_NEWLINES = /[\x00-\x08\x0A-\x1F\x7F-\x9F]/g
const CONTROLS = /[\x00-\x08\x0B-\x1F\x7F-\x9F]/g
// Embeddings, overrides, isolates and direction marks (as refused in names by lib/comments/text.ts).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g

/**
 * The text without terminal control sequences, control characters or direction controls; a tab
 * becomes a space. Line breaks are kept only where asked (the text of `show`).
 */
export function stripTerminalControls(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text
    .replace(ESCAPE_SEQUENCES, '')
    .replace(/\t/g, ' ')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(options.keepNewlines ? CONTROLS : CONTROLS_AND_NEWLINES, '')
    .replace(BIDI_CONTROLS, '')
}

const oneLine = (text: string) => stripTerminalControls(text.replace(/\s+/g, ' ')).trim()

function cut(text: string, max: number): { shown: string; hidden: number } {
  const characters = Array.from(text)
  if (characters.length <= max) return { shown: text, hidden: 0 }
  return { shown: `${characters.slice(0, max - 1).join('')}…`, hidden: characters.length - (max - 1) }
}

function describeLinks(comment: Pick<StoredComment, 'name' | 'body'>): string {
  const count = findLinks(comment.name).length + findLinks(comment.body).length
  if (count > 0) return ` [${count} link${count === 1 ? '' : 's'}]`
  return hasLink(comment.name) || hasLink(comment.body) ? ' [link markup]' : ''
}

/** One line per comment for `list`: the start of the text, saying when it is cut and when it holds links. */
export function formatListLine(comment: StoredComment): string {
  const reply = comment.parentId ? ` ↳${comment.parentId}` : ''
  const name = cut(oneLine(comment.name), 30).shown
  const body = cut(oneLine(comment.body), 60)
  const lines = comment.body.split('\n').length
  const more =
    body.hidden > 0
      ? ` [cut: ${body.hidden} more characters${lines > 1 ? ` in ${lines} lines` : ''}; \`show ${comment.id}\`]`
      : lines > 1
        ? ` [${lines} lines]`
        : ''
  const id = String(comment.id).padStart(5)
  const createdAt = comment.createdAt.slice(0, 16).replace('T', ' ')
  const columns = `${id}  ${comment.status.padEnd(9)} ${createdAt}  ${oneLine(comment.slug)}${reply}  ${name}`
  return `${columns}: ${body.shown}${more}${describeLinks(comment)}`
}

/** The whole comment for `show`: every field, every link, and the text line by line behind a margin. */
export function formatComment(comment: StoredComment): string {
  const links = [...findLinks(comment.name), ...findLinks(comment.body)].map((link) => oneLine(link))
  const body = stripTerminalControls(comment.body, { keepNewlines: true })
  const length = Array.from(comment.body).length
  const removed = length - Array.from(body).length
  const notShown = removed > 0 ? `; ${removed} control or direction characters not shown` : ''
  const lines = [
    `Comment ${comment.id}, ${comment.status}, ${comment.createdAt}`,
    `Post:   ${oneLine(comment.slug)}${comment.parentId ? ` (reply to ${comment.parentId})` : ''}`,
    `Name:   ${oneLine(comment.name)}`,
    links.length > 0
      ? `Links:  ${links.length}`
      : hasLink(comment.body) || hasLink(comment.name)
        ? 'Links:  link markup, no address'
        : 'Links:  none',
    ...links.map((link) => `  - ${link}`),
    `Text:   ${length} characters, ${comment.body.split('\n').length} lines${notShown}`,
    ...body.split('\n').map((line) => `  | ${line}`),
  ]
  return `${lines.join('\n')}\n`
}

/**
 * What a CLI says after a change: that the site refreshed the posts' pages, or that it still shows
 * the old ones and how to fix that (then `isStale`). Nothing when no page needed refreshing.
 */
export function formatPageRefresh(refresh: PageRefresh): { text: string; isStale: boolean } | undefined {
  if (refresh.status === 'unneeded') return undefined
  const { slugs } = refresh
  if (refresh.status === 'refreshed') {
    const posts = slugs.length === 1 ? 'the post' : `${slugs.length} posts`
    return { text: `Refreshed the page of ${posts} on ${refresh.siteUrl}.\n`, isStale: false }
  }
  return {
    text:
      `The change is stored, but the site still shows the old page(s) of ${slugs.map(oneLine).join(', ')}: ` +
      `${oneLine(refresh.reason)}.\n` +
      'Set SITE_URL and REVALIDATE_SECRET as on the server and run the command again, or restart the server.\n',
    isStale: true,
  }
}
