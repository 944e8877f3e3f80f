/*
 * Readers without JavaScript. The comments are a request-time Suspense hole in the static shell:
 * React streams them into a hidden element at the end of <body>, and an inline script swaps them in
 * for the "Loading comments…" fallback. Where scripts do not run, this style shows that element
 * between the article and the footer instead, and hides the fallback (which React places after a
 * <template> placeholder). So the comments and the form work from the server HTML alone.
 * A <noscript> style, not `@media (scripting: none)`: the latter is unknown to older browsers and
 * does not follow a browser's per-site "JavaScript blocked" setting everywhere.
 */
// Tailwind's preflight hides [hidden] with !important in @layer base; an !important rule outside
// that layer would lose to it, so this one joins the layer and wins on specificity.
const css = `
#comments > template ~ * { display: none; }
@layer base {
  body > div[hidden]:has(> [data-comments-live]) { display: block !important; }
}
body > div:has(> [data-comments-live]) {
  order: 1; width: 100%; max-width: 72rem; margin-inline: auto; padding: 0 1rem 2.5rem;
}
/* Under the article's column, not under the table of contents beside it. */
@media (min-width: 64rem) { body > div:has(> [data-comments-live]) { padding-right: 19.5rem; } }
@media (min-width: 40rem) { body > div:has(> [data-comments-live]) { padding-left: 1.5rem; } }
body > footer { order: 2; }
`

export function CommentsNoScript() {
  return (
    <noscript>
      <style>{css}</style>
    </noscript>
  )
}
