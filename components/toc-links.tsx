'use client'

import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import type { TocNode } from '@/lib/mdx/toc'

const WIDE_SCREEN = '(min-width: 64rem)'
/** How far below its landing place (its scroll margin) a heading still counts as reached: sub-pixel positions. */
const TOLERANCE_PX = 8

export type TocLinksProps = { items: readonly TocNode[] }

export function TocLinks({ items }: TocLinksProps) {
  const ids = useMemo(() => items.flatMap((item) => [item.id, ...item.children.map((child) => child.id)]), [items])
  const activeId = useActiveHeading(ids)
  const listRef = useRef<HTMLOListElement>(null)

  // Browsers without `::details-content` cannot show a closed <details> through CSS alone.
  useEffect(() => {
    const details = listRef.current?.closest('details')
    const wide = window.matchMedia(WIDE_SCREEN)
    const openOnWideScreens = () => {
      if (details && wide.matches) details.open = true
    }
    openOnWideScreens()
    wide.addEventListener('change', openOnWideScreens)
    return () => wide.removeEventListener('change', openOnWideScreens)
  }, [])

  // On a phone the open list would cover the section the reader just chose.
  function closeOnNarrowScreens(event: MouseEvent<HTMLOListElement>) {
    if (!(event.target instanceof Element) || !event.target.closest('a')) return
    const details = listRef.current?.closest('details')
    if (details && !window.matchMedia(WIDE_SCREEN).matches) details.open = false
  }

  return (
    // Delegated from the links inside, which keyboard users activate with Enter like any link.
    <ol ref={listRef} onClick={closeOnNarrowScreens} className="mt-3 space-y-2 lg:mt-4">
      {items.map((item) => (
        <li key={item.id}>
          <TocLink id={item.id} text={item.text} isActive={item.id === activeId} />
          {item.children.length > 0 ? (
            <ol className="mt-2 space-y-2 border-l border-zinc-200 pl-3 dark:border-zinc-800">
              {item.children.map((child) => (
                <li key={child.id}>
                  <TocLink id={child.id} text={child.text} isActive={child.id === activeId} />
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ol>
  )
}

const linkClass =
  'block text-zinc-600 hover:text-zinc-900 aria-[current=true]:font-semibold ' +
  'aria-[current=true]:text-teal-800 dark:text-zinc-400 dark:hover:text-zinc-100 ' +
  'dark:aria-[current=true]:text-teal-300'

function TocLink({ id, text, isActive }: { id: string; text: string; isActive: boolean }) {
  return (
    <a href={`#${id}`} aria-current={isActive ? 'true' : undefined} className={linkClass}>
      {text}
    </a>
  )
}

/**
 * The id of the section the reader is in: the last heading at or above the place a jump to a heading
 * puts it (its scroll margin), or, at the very bottom of the page, the last heading in view (a short
 * last section never gets to the top). Computed from positions on load, after every scroll (once
 * per frame), resize and hash change, so jumps count too: a link, Page Down, End, a URL with
 * #heading, a restored position. (An observer of a band at the top missed headings that jumped it.)
 */
function useActiveHeading(ids: readonly string[]): string | undefined {
  const [activeId, setActiveId] = useState<string>()

  useEffect(() => {
    const headings = ids.flatMap((id) => document.getElementById(id) ?? [])
    if (headings.length === 0) return
    let frame = 0
    const update = () => {
      frame = 0
      const isAtBottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2
      const margin = headings[0] ? parseFloat(getComputedStyle(headings[0]).scrollMarginTop) || 0 : 0
      const line = isAtBottom ? window.innerHeight : margin + TOLERANCE_PX
      setActiveId(headings.findLast((heading) => heading.getBoundingClientRect().top <= line)?.id)
    }
    const schedule = () => {
      frame ||= requestAnimationFrame(update)
    }
    update()
    const events = ['scroll', 'resize', 'hashchange'] as const
    for (const event of events) window.addEventListener(event, schedule, { passive: true })
    return () => {
      cancelAnimationFrame(frame)
      for (const event of events) window.removeEventListener(event, schedule)
    }
  }, [ids])

  return activeId
}
