export async function register() {
  // Next.js inlines NEXT_RUNTIME per bundle: the literal test keeps the Node-only imports out of the edge one.
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { isBuildPhase } = await import('./lib/build-config')
  // `next build` loads this too: the checks below are about a running server.
  if (!isBuildPhase()) {
    const { ConfigError, findStartupWarnings, parseConfig } = await import('./lib/config')
    try {
      for (const warning of findStartupWarnings(parseConfig(process.env, { isServer: true }))) console.warn(`\n⚠ ${warning}\n`)
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      // Exit rather than throw: Next.js would keep the port open and answer 500 to every request.
      console.error(`\nThe server cannot start:\n  ${error.problems.join('\n  ')}\n`)
      process.exit(1)
    }
  }
  const { recordPeerAddresses } = await import('./lib/peer-address')
  recordPeerAddresses()
  const { installGracefulShutdown } = await import('./lib/graceful-shutdown')
  installGracefulShutdown()
}
