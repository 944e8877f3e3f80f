export async function register() {
  // Next.js inlines NEXT_RUNTIME per bundle: the literal test keeps the Node-only imports out of the edge one.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { isBuildPhase } = await import('./lib/build-config')
  // `next build` loads this too: everything below is about a running server.
  if (isBuildPhase()) return
  const { ConfigError, findStartupWarnings, parseConfig } = await import('./lib/config')
  try {
    for (const warning of findStartupWarnings(parseConfig(process.env, { isServer: true })))
      console.warn(`\n⚠ ${warning}\n`)
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    // Exit rather than throw: Next.js would keep the port open and answer 500 to every request.
    console.error(`\nThe server cannot start:\n  ${error.problems.join('\n  ')}\n`)
    process.exit(1)
  }

  const { hasServerEntry, runCloseTasks } = await import('./lib/server/lifecycle.mjs')
  // The server entry (lib/server/start.mjs) runs the whole shutdown. Without it (`next start`,
  // `next dev`), Next.js closes its server and exits by itself on these signals: close the database
  // as best it can be before that exit.
  if (!hasServerEntry()) {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      process.once(
        signal,
        () =>
          void runCloseTasks().catch((error: unknown) =>
            console.error('[shutdown] closing the database failed:', error),
          ),
      )
    }
  }

  const { redeliverPendingWebhooks } = await import('./lib/comments/webhook-redelivery')
  void redeliverPendingWebhooks().catch((error: unknown) =>
    console.error('[comments] webhook redelivery at start-up failed:', error),
  )
}
