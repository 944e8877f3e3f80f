export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // `next build` loads this too: everything below is about a running server.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { findStartupProblems, findStartupWarnings, getEnv } = await import('./lib/env')
  const env = getEnv()
  for (const warning of findStartupWarnings(env)) console.warn(`\n⚠ ${warning}\n`)
  const problems = findStartupProblems(env)
  if (problems.length > 0) {
    // Exit rather than throw: Next.js would keep the port open and answer 500 to every request.
    console.error(`\nThe server cannot start:\n  ${problems.join('\n  ')}\n`)
    process.exit(1)
  }

  const { hasServerEntry, runCloseTasks } = await import('./lib/server/lifecycle.mjs')
  // The server entry (lib/server/start.mjs) runs the whole shutdown. Without it (`next start`,
  // `next dev`), Next.js closes its server and exits by itself on these signals: close the database
  // as best it can be before that exit.
  if (!hasServerEntry()) {
    for (const signal of ['SIGTERM', 'SIGINT']) {
      process.once(signal, () => void runCloseTasks().catch((error: unknown) => console.error('[shutdown] closing the database failed:', error)))
    }
  }

  const { redeliverPendingWebhooks } = await import('./lib/comments/webhook-redelivery')
  void redeliverPendingWebhooks().catch((error: unknown) => console.error('[comments] webhook redelivery at start-up failed:', error))
}
