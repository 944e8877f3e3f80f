import * as z from 'zod/mini'
import { buildSnippet, type SnippetPart } from './snippet'

/** Where `npm run search-index` writes the index; served from public/. */
const PAGEFIND_URL = '/pagefind/pagefind.js'
const SNIPPET_WORDS = 30

export type SearchHit = {
  url: string
  title: string
  date: string | undefined
  /** The section of the post the best match is in, when it is under a heading. */
  section: { title: string; url: string } | undefined
  snippet: SnippetPart[]
}

export type SearchResponse = { total: number; hits: Array<() => Promise<SearchHit>> }

// Pagefind's script is untyped data from the network as far as TypeScript knows: check the shape
// of what the page uses instead of trusting it.
const pagefindSchema = z.object({
  init: z.custom<() => Promise<void>>((value) => typeof value === 'function'),
  search: z.custom<(term: string) => Promise<unknown>>((value) => typeof value === 'function'),
})
const searchSchema = z.object({
  results: z.array(z.object({ data: z.custom<() => Promise<unknown>>((value) => typeof value === 'function') })),
})
const location = z.object({ location: z.number() })
const dataSchema = z.object({
  url: z.string(),
  content: z.string(),
  meta: z.object({ title: z.string(), date: z.optional(z.string()) }),
  locations: z.array(z.number()),
  sub_results: z.array(
    z.object({
      title: z.string(),
      url: z.string(),
      anchor: z.optional(location),
      locations: z.array(z.number()),
      weighted_locations: z.array(z.object({ balanced_score: z.number() })),
    }),
  ),
})

type Pagefind = z.infer<typeof pagefindSchema>
let loading: Promise<Pagefind> | undefined

/** Loads Pagefind once (its script, then its WebAssembly and index metadata); later calls share it. */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    // Not bundled: the file is written by `npm run search-index` and served from public/.
    const pagefind = pagefindSchema.parse(await import(/* webpackIgnore: true */ PAGEFIND_URL))
    await pagefind.init()
    return pagefind
  })()
  // A failed load (offline, no index in `next dev`) is retried on the next search.
  loading.catch(() => {
    loading = undefined
  })
  return loading
}

/** Finds the posts matching `term`; each hit's details load only when the page asks for them. */
export async function searchPosts(term: string): Promise<SearchResponse> {
  const pagefind = await loadPagefind()
  const { results } = searchSchema.parse(await pagefind.search(term))
  return { total: results.length, hits: results.map((result) => async () => toSearchHit(await result.data())) }
}

/** What the page shows for one of Pagefind's results (`await result.data()`). */
export function toSearchHit(value: unknown): SearchHit {
  const data = dataSchema.parse(value)
  const best = data.sub_results.reduce<(typeof data.sub_results)[number] | undefined>(
    (top, sub) => (top && score(top) >= score(sub) ? top : sub),
    undefined,
  )
  // From the section's heading on; a section with little text under its heading runs on into the next.
  const start = best?.anchor?.location ?? 0
  return {
    url: data.url,
    title: data.meta.title,
    date: data.meta.date,
    section: best?.anchor ? { title: best.title, url: best.url } : undefined,
    snippet: buildSnippet(data.content, {
      locations: best?.locations ?? data.locations,
      range: { start, end: Number.POSITIVE_INFINITY },
      length: SNIPPET_WORDS,
    }),
  }
}

function score(sub: { weighted_locations: ReadonlyArray<{ balanced_score: number }> }): number {
  return sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0)
}
