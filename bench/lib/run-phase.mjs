import { spawn } from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { startPeakSampler } from './process-tree.mjs'

const PROGRESS_EVERY_MS = 15_000
const toMiB = (kib) => Math.round(kib / 1024)

/** Kills a whole process group; the group may already be gone. */
export function killGroup(pid, signal = 'SIGKILL') {
  try {
    process.kill(-pid, signal)
  } catch (error) {
    if (error.code !== 'ESRCH') throw error
  }
}

/**
 * Runs one build step with its output in `logFd`, and measures its wall time and peak RSS.
 * The child leads its own process group so an abort (Ctrl-C, --timeout) can stop every process
 * it started, including Next's static-generation workers. Memory samples go to `memoryLog` as
 * CSV, so a slow or failing run can be inspected afterwards with --keep.
 */
export function runPhase({ name, command, args, cwd, env, logFd, memoryLog, signal }) {
  return new Promise((resolve) => {
    appendFileSync(logFd, `\n$ ${[command, ...args].join(' ')}\n`)
    const startedAt = performance.now()
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', logFd, logFd], detached: true })
    let lastProgressAt = startedAt
    const sampler = startPeakSampler(child.pid, {
      onSample({ treeKiB, largestKiB }) {
        const now = performance.now()
        const seconds = ((now - startedAt) / 1000).toFixed(1)
        appendFileSync(memoryLog, `${name},${seconds},${toMiB(treeKiB)},${toMiB(largestKiB)}\n`)
        if (now - lastProgressAt < PROGRESS_EVERY_MS) return
        lastProgressAt = now
        process.stderr.write(`  [${name}] ${seconds}s, RSS ${toMiB(treeKiB)} MiB (tree)\n`)
      },
    })
    const abort = () => child.pid && killGroup(child.pid)
    signal.addEventListener('abort', abort, { once: true })
    if (signal.aborted) abort()

    let isFinished = false
    const finish = (code, exitSignal) => {
      if (isFinished) return
      isFinished = true
      signal.removeEventListener('abort', abort)
      const peak = sampler.stop()
      // Anything still alive in the group (an orphaned worker) must not leak into the next phase.
      if (child.pid) killGroup(child.pid)
      resolve({ code, exitSignal, seconds: (performance.now() - startedAt) / 1000, peak })
    }
    // 'error' alone (without 'close') is what a failed spawn emits, e.g. a missing binary.
    child.once('error', (error) => {
      appendFileSync(logFd, `\n${error.stack}\n`)
      finish(null, null)
    })
    child.once('close', finish)
  })
}
