import type { FormEvent, Ref } from 'react'

export type SearchFormProps = {
  inputRef?: Ref<HTMLInputElement>
  /** Set once the scripted search has taken the form over (`data-hydrated`, for end-to-end tests). */
  isHydrated?: boolean
  onInput?: (value: string) => void
  onSubmit?: (event: FormEvent<HTMLFormElement>) => void
}

const inputClass =
  'min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-base ' +
  'text-zinc-900 placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 ' +
  'dark:placeholder:text-zinc-400'

/**
 * A GET form to /search: without JavaScript (or before it loads) submitting it puts the query in
 * the URL like any form; Search takes it over once hydrated.
 */
export function SearchForm({ inputRef, isHydrated, onInput, onSubmit }: SearchFormProps) {
  return (
    <form
      role="search"
      action="/search"
      method="get"
      onSubmit={onSubmit}
      data-hydrated={isHydrated || undefined}
      className="mt-6 flex gap-2"
    >
      <label htmlFor="search-input" className="sr-only">
        Search posts
      </label>
      <input
        ref={inputRef}
        id="search-input"
        name="q"
        type="search"
        onInput={onInput ? (event) => onInput(event.currentTarget.value) : undefined}
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder="Kafka, idempotency, indexes…"
        className={inputClass}
      />
      <button type="submit" className="rounded-md bg-teal-700 px-4 py-2 font-semibold text-white hover:bg-teal-800">
        Search
      </button>
    </form>
  )
}
