export type CommentHtmlProps = { html: string; className?: string }

const bodyClass =
  'comment-body prose max-w-none break-words prose-zinc dark:prose-invert ' +
  'prose-a:text-teal-700 dark:prose-a:text-teal-300 [&>:first-child]:mt-0 [&>:last-child]:mb-0'

/**
 * A comment's Markdown as the server rendered it: the page's list, the form's preview and the
 * comment the form shows at once after posting. Not a client component: it adds nothing to the
 * page's JavaScript, and no Markdown code ever runs in the browser.
 */
export function CommentHtml({ html, className = '' }: CommentHtmlProps) {
  return (
    <div
      dir="auto"
      className={`${bodyClass} ${className}`}
      // Only ever the output of lib/comments/markdown.ts: Markdown rendered on the server and passed
      // through rehype-sanitize's allowlist (no raw HTML, scripts, styles, images or unsafe links).
      // One string, not hundreds of token elements to render, send and hydrate per comment.
      // eslint-disable-next-line react/no-danger
      dangerouslySetInnerHTML={{ __html: html }}
    />
  )
}
