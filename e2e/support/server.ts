import { spawn, type ChildProcess } from 'node:child_process'

export type RunningServer = { url: string; output: () => string; stop: () => Promise<void> }

/**
 * Starts another `next start` of the production build on 127.0.0.1:`port` with extra environment,
 * and waits until its comments API answers. `stop()` ends it (and it dies with the test runner).
 */
export async function startServer(port: number, env: Record<string, string>): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk))
  const stopOnExit = () => child.kill('SIGKILL')
  process.once('exit', stopOnExit)
  const stop = async () => {
    process.off('exit', stopOnExit)
    if (child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))])
    if (child.exitCode === null) child.kill('SIGKILL')
  }
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 150_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited:\n${output}`)
    const status = await fetch(`${url}/api/comments?slug=what-is-backend-engineering`).then(
      (response) => response.status,
      () => 0,
    )
    if (status === 200 || status === 503) return { url, output: () => output, stop }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`next start on ${port} did not answer in time:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
