'use client'

import { createContext, use, useState, type MouseEvent, type ReactNode } from 'react'

export type ReplyTarget = { id: number; name: string }

type ReplyState = { replyTo: ReplyTarget | undefined; setReplyTo: (target: ReplyTarget | undefined) => void }

const ReplyContext = createContext<ReplyState | undefined>(undefined)

/** Holds which comment the form replies to, for the Reply links of the list and the form below it. */
export function ReplyProvider({ children }: { children: ReactNode }) {
  const [replyTo, setReplyTo] = useState<ReplyTarget>()
  return <ReplyContext value={{ replyTo, setReplyTo }}>{children}</ReplyContext>
}

export function useReply(): ReplyState {
  return use(ReplyContext) ?? { replyTo: undefined, setReplyTo: () => {} }
}

export type ReplyLinkProps = ReplyTarget

const replyLinkClass =
  'mt-1 inline-block text-sm font-medium text-teal-700 underline-offset-2 hover:underline dark:text-teal-300'

/**
 * A link to the form. With JavaScript it also puts the form in reply mode (the form then moves the
 * focus to its text box); without, the reader picks the comment in the form's "Reply to" list.
 * Either way the page's address does not change: the page is the same static file for everyone.
 */
export function ReplyLink({ id, name }: ReplyLinkProps) {
  const { setReplyTo } = useReply()
  function reply(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault()
    setReplyTo({ id, name })
  }
  return (
    <a href="#comment-form" onClick={reply} className={replyLinkClass}>
      Reply<span className="sr-only"> to {name}</span>
    </a>
  )
}
