/** What the static shell shows where the comments will stream in. */
export function CommentsFallback() {
  return (
    <>
      <h2 id="comments-heading" className="text-xl font-semibold">
        Comments
      </h2>
      <p role="status" className="mt-2 text-zinc-600 dark:text-zinc-400">
        Loading comments…
      </p>
    </>
  )
}
