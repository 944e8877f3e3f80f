import type { ReactNode } from 'react'
import { z } from 'zod'

const calloutPropsSchema = z.object({
  type: z.enum(['note', 'warning']).default('note'),
  title: z.string().trim().min(1).optional(),
})

export type CalloutProps = z.input<typeof calloutPropsSchema> & { children: ReactNode }

const styles = {
  note: {
    label: 'Note',
    box: 'border-sky-700 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40',
    heading: 'text-sky-900 dark:text-sky-200',
  },
  warning: {
    label: 'Warning',
    box: 'border-amber-600 bg-amber-50 dark:border-amber-400 dark:bg-amber-950/40',
    heading: 'text-amber-900 dark:text-amber-200',
  },
} as const

const proseClass =
  'prose mt-1 max-w-none prose-zinc dark:prose-invert prose-p:my-2 prose-a:text-teal-700 dark:prose-a:text-teal-300'

/**
 * `<Callout type="note">…</Callout>` or `<Callout type="warning" title="…">`. Its props come from an
 * author, so they are checked: an unknown type fails the build (posts are prerendered).
 */
export function Callout({ children, ...props }: CalloutProps) {
  const parsed = calloutPropsSchema.safeParse(props)
  if (!parsed.success) throw new Error(`<Callout>: ${z.prettifyError(parsed.error)}`)
  const { type, title } = parsed.data
  const style = styles[type]
  return (
    <div role="note" className={`not-prose my-6 rounded-r-lg border-l-4 px-4 py-3 ${style.box}`}>
      <p className={`font-semibold ${style.heading}`}>{title ?? style.label}</p>
      <div className={proseClass}>{children}</div>
    </div>
  )
}
