export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { recordPeerAddresses } = await import('./lib/peer-address')
  recordPeerAddresses()
  const { installGracefulShutdown } = await import('./lib/graceful-shutdown')
  installGracefulShutdown()
}
