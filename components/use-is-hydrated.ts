import { useSyncExternalStore } from 'react'

const subscribe = () => () => {}

/**
 * False in the server's HTML and while React hydrates it, true once the component is interactive.
 * A client component renders it as `data-hydrated` so that end-to-end tests can wait for the
 * scripted behaviour without reaching into React's internals.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  )
}
