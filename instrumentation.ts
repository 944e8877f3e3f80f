export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // `next build` loads this too: the checks below are about a running server.
  if (process.env.NEXT_PHASE !== 'phase-production-build') {
    const { findStartupProblems, findStartupWarnings, getEnv } = await import('./lib/env')
    const env = getEnv()
    for (const warning of findStartupWarnings(env)) console.warn(`\n⚠ ${warning}\n`)
    const problems = findStartupProblems(env)
    if (problems.length > 0) {
      // Exit rather than throw: Next.js would keep the port open and answer 500 to every request.
      console.error(`\nThe server cannot start:\n  ${problems.join('\n  ')}\n`)
      process.exit(1)
    }
  }
  const { recordPeerAddresses } = await import('./lib/peer-address')
  recordPeerAddresses()
  const { installGracefulShutdown } = await import('./lib/graceful-shutdown')
  installGracefulShutdown()
}
