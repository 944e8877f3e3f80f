'use client'

import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import type { TocNode } from '@/lib/mdx/toc'

const WIDE_SCREEN = '(min-width: 64rem)'
/** A heading becomes the current section once its top passes this fraction of the viewport. */
const READING_LINE = 0.25

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

function TocLink({ id, text, isActive }: { id: string; text: string; isActive: boolean }) {
  return (
    <a
      href={`#${id}`}
      aria-current={isActive ? 'true' : undefined}
      className="block text-zinc-600 hover:text-zinc-900 aria-[current=true]:font-semibold aria-[current=true]:text-teal-800 dark:text-zinc-400 dark:hover:text-zinc-100 dark:aria-[current=true]:text-teal-300"
    >
      {text}
    </a>
  )
}

/**
 * The id of the last heading above the reading line. The observer's root is the band above that
 * line, so it reports exactly when a heading crosses it; positions are read only then.
 */
function useActiveHeading(ids: readonly string[]): string | undefined {
  const [activeId, setActiveId] = useState<string>()

  useEffect(() => {
    const headings = ids.flatMap((id) => document.getElementById(id) ?? [])
    if (headings.length === 0) return
    const update = () => {
      const line = window.innerHeight * READING_LINE
      let current: string | undefined
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top > line) break
        current = heading.id
      }
      setActiveId(current)
    }
    const observer = new IntersectionObserver(update, {
      rootMargin: `0px 0px -${100 - READING_LINE * 100}% 0px`,
    })
    for (const heading of headings) observer.observe(heading)
    return () => observer.disconnect()
  }, [ids])

  return activeId
}
