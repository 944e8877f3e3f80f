'use client'

import { useRouter } from 'next/navigation'
import { useTransition } from 'react'

/** Longer than Next.js takes to apply an invalidation after a route handler's response. */
const SETTLE_MS = 1000

/**
 * Refreshes the page after a write through the comments API, so the list shows it. Next.js applies
 * a route handler's revalidateTag while the response is already on its way (its pending
 * revalidations run beside the response), so a refresh sent at once can race it and get the page as
 * it was: one more follows once the invalidation has landed.
 */
export function useRefreshAfterWrite(): [isRefreshing: boolean, refresh: () => void] {
  const router = useRouter()
  const [isRefreshing, startRefresh] = useTransition()
  function refresh() {
    startRefresh(() => router.refresh())
    window.setTimeout(() => startRefresh(() => router.refresh()), SETTLE_MS)
  }
  return [isRefreshing, refresh]
}
