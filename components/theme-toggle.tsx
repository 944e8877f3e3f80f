'use client'

import { useEffect, useId, useSyncExternalStore, type ChangeEvent } from 'react'
import { DARK_SCHEME_QUERY, isThemeChoice, resolveTheme, THEME_STORAGE_KEY, type ThemeChoice } from '@/lib/theme/theme'

const CHANGE_EVENT = 'theme-choice-change'
const labels: Record<ThemeChoice, string> = { system: 'System', light: 'Light', dark: 'Dark' }

const selectClass =
  'rounded-md border border-zinc-300 bg-white px-2 py-1 text-zinc-900 dark:border-zinc-700 ' +
  'dark:bg-zinc-900 dark:text-zinc-100'

/**
 * System / light / dark. The inline script in <head> applied the stored choice before the first
 * paint; this control only changes it. It renders after hydration (the server cannot know the
 * choice) into a slot of fixed size, so nothing shifts, and without JavaScript there is nothing
 * to press that would not work.
 */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => null)
  const id = useId()

  useEffect(() => {
    // Follow the system while the choice is "system", and other tabs when they change it.
    const media = window.matchMedia(DARK_SCHEME_QUERY)
    const apply = () => applyTheme(readChoice())
    media.addEventListener('change', apply)
    window.addEventListener(CHANGE_EVENT, apply)
    window.addEventListener('storage', apply)
    return () => {
      media.removeEventListener('change', apply)
      window.removeEventListener(CHANGE_EVENT, apply)
      window.removeEventListener('storage', apply)
    }
  }, [])

  if (choice === null) return null
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-zinc-700 dark:text-zinc-300">
        Theme
      </label>
      <select
        id={id}
        value={choice}
        onChange={(event: ChangeEvent<HTMLSelectElement>) => saveChoice(event.target.value)}
        className={selectClass}
      >
        {Object.entries(labels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
}

let hasWarned = false

function readChoice(): ThemeChoice {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY)
    return isThemeChoice(stored) ? stored : 'system'
  } catch (error) {
    // Storage can be blocked (privacy settings); the page then simply follows the system.
    if (!hasWarned) console.warn('Theme choice unavailable', error)
    hasWarned = true
    return 'system'
  }
}

function saveChoice(value: string) {
  if (!isThemeChoice(value)) return
  try {
    if (value === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY)
    else window.localStorage.setItem(THEME_STORAGE_KEY, value)
  } catch (error) {
    console.warn('Theme choice not saved', error)
  }
  applyTheme(value)
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

function applyTheme(choice: ThemeChoice) {
  document.documentElement.dataset.theme = resolveTheme(choice, window.matchMedia(DARK_SCHEME_QUERY).matches)
}

function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange)
  window.addEventListener('storage', onChange)
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange)
    window.removeEventListener('storage', onChange)
  }
}
