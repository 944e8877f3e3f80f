import { spawn, type ChildProcess } from 'node:child_process'

export type ProductionServer = {
  url: string
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
  /** SIGTERM, then SIGKILL if it has not exited 10 s later. */
  stop: () => Promise<void>
}

/**
 * Starts the standalone production server on 127.0.0.1:`port`: `npm start` (scripts/start.mjs) by
 * default, or `node lib/server/start.mjs` in `cwd`, as the Docker image runs it. Ready once the comments API
 * answers (200, or 503 where comments are unavailable), which also opens (and creates) the
 * database. It is killed with the test runner.
 */
export async function startProductionServer(
  port: number,
  env: Record<string, string>,
  { script = 'scripts/start.mjs', cwd }: { script?: string; cwd?: string } = {},
): Promise<ProductionServer> {
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [script], {
    cwd,
    env: { ...process.env, PORT: String(port), HOSTNAME: '127.0.0.1', SITE_URL: url, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk))
  const kill = () => child.kill('SIGKILL')
  process.once('exit', kill)
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', kill)
      resolve(code)
    }),
  )
  const stop = async () => {
    if (child.exitCode !== null) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
  }
  const deadline = Date.now() + 150_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} exited:\n${output}`)
    const status = await fetch(`${url}/api/health`).then((response) => response.status, () => 0)
    if (status === 200 || status === 503) return { url, child, output: () => output, exited, stop }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`${script} did not answer in time:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
