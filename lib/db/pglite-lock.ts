import { createHash, randomUUID } from 'node:crypto'
import { linkSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { processSingleton } from '@/lib/server/lifecycle.mjs'

// PGlite is one embedded Postgres per directory: a second process opening the same directory would
// corrupt it, so a lock file beside the directory names the process that has it open.
//
// A pid alone does not identify a process: in a container node is PID 1 after every restart, and
// pids are reused. So the lock records a random token per process (what "this process" means) and,
// where /proc exists, the process's start time (a live pid with another start time is a reused pid).
// The lock file appears with its whole content at once (a hard link to a finished file). A stale
// lock is taken over by exactly one process: the one that creates the takeover marker named after
// that lock's content, which then checks that the lock is unchanged and replaces it atomically
// (rename), so the path never stands empty for a third process to claim.
// Processes in other pid namespaces (containers sharing one volume) cannot be checked: one
// directory belongs to one container, and several servers need DATABASE_URL.

const holderSchema = z.object({
  pid: z.number().int().positive(),
  token: z.string().optional(),
  startTime: z.string().optional(),
})
type Holder = z.infer<typeof holderSchema>
type Self = { pid: number; token: string; startTime: string | undefined }

/** This process, the same in every bundle of the app (Next.js copies modules per bundle). */
const currentProcess = (): Self =>
  processSingleton('pglite-lock-owner', () => ({
    pid: process.pid,
    token: randomUUID(),
    startTime: readStartTime(process.pid),
  }))

const errorCode = (error: unknown) => (error instanceof Error && 'code' in error ? error.code : undefined)
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
/** A file being written by the fallback without hard links may be read empty for a moment. */
const UNREADABLE_GRACE_MS = 5_000

/** Field 22 of /proc/<pid>/stat, in clock ticks since boot; undefined where there is no /proc. */
function readStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may contain spaces: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

function parseHolder(text: string): Holder | undefined {
  // Locks written before tokens held the bare pid.
  if (/^\d+$/.test(text.trim())) return { pid: Number(text) }
  try {
    return holderSchema.parse(JSON.parse(text))
  } catch {
    return undefined
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) === 'EPERM'
  }
}

/**
 * Whether the holder is another live process. A lock naming our own pid with another token was left
 * by an earlier process.
 */
function isLive(holder: Holder): boolean {
  if (holder.pid === process.pid || !isRunning(holder.pid)) return false
  const startTime = holder.startTime === undefined ? undefined : readStartTime(holder.pid)
  return startTime === undefined || startTime === holder.startTime
}

function isRecent(file: string): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs < UNREADABLE_GRACE_MS
  } catch {
    return false
  }
}

/** Writes `content` beside `file` for a link or a rename; the caller removes it. */
function writeDraft(file: string, content: string, self: Self): string {
  const draft = `${file}.${self.token}.new`
  writeFileSync(draft, content)
  return draft
}

/** Creates `file` with its whole content at once; false when it exists. */
function createExclusive(file: string, content: string, self: Self): boolean {
  const draft = writeDraft(file, content, self)
  try {
    linkSync(draft, file)
    return true
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false
    // A file system without hard links: an exclusive create, whose content follows a moment later.
    try {
      writeFileSync(file, content, { flag: 'wx' })
      return true
    } catch (fallbackError) {
      if (errorCode(fallbackError) === 'EEXIST') return false
      throw fallbackError
    }
  } finally {
    rmSync(draft, { force: true })
  }
}

type Outcome = { kind: 'locked' } | { kind: 'held'; holder: Holder | undefined } | { kind: 'self' }

/**
 * One attempt to own `file`: create it, or take it over when its holder is gone. `held` means a
 * live holder, or a takeover by another process in progress.
 */
function tryLock(file: string, content: string, self: Self): Outcome {
  if (createExclusive(file, content, self)) return { kind: 'locked' }
  let stale: string
  try {
    stale = readFileSync(file, 'utf8')
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'held', holder: undefined }
    throw error
  }
  const holder = parseHolder(stale)
  if (holder?.token === self.token) return { kind: 'self' }
  if (holder ? isLive(holder) : isRecent(file)) return { kind: 'held', holder }
  // Only the process that creates this marker may replace this very content (the marker itself
  // can be stale, after a crash in the middle of a takeover, and is taken over the same way).
  const marker = `${file}.takeover-${createHash('sha256').update(stale).digest('hex').slice(0, 16)}`
  const markerOutcome = tryLock(marker, content, self)
  if (markerOutcome.kind !== 'locked') return { kind: 'held', holder: undefined }
  const draft = writeDraft(file, content, self)
  try {
    if (readFileSync(file, 'utf8') !== stale) return { kind: 'held', holder: undefined }
    renameSync(draft, file)
    return { kind: 'locked' }
  } finally {
    rmSync(draft, { force: true })
    rmSync(marker, { force: true })
  }
}

/**
 * Locks `dir` for this process with `<dir>.lock` (beside the directory, not in it: PGlite treats a
 * non-empty directory as an existing database); returns the unlock. Throws, naming the holder,
 * when another live process has it.
 */
export function lockDataDir(dir: string): () => void {
  const lockFile = `${path.resolve(dir)}.lock`
  const self = currentProcess()
  const content = JSON.stringify(self)
  // A takeover by another process takes microseconds: wait for it to settle, then name the winner.
  for (let round = 0; round < 50; round++) {
    const outcome = tryLock(lockFile, content, self)
    if (outcome.kind === 'self') throw new Error(`The PGlite directory ${dir} is already open in this process.`)
    if (outcome.kind === 'held' && outcome.holder) {
      throw new Error(
        `The PGlite directory ${dir} is in use by process ${outcome.holder.pid}. ` +
          'Stop that process, or set DATABASE_URL to share a PostgreSQL database between processes.',
      )
    }
    if (outcome.kind === 'locked') {
      return () => {
        try {
          if (readFileSync(lockFile, 'utf8') === content) rmSync(lockFile)
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') console.error(`[db] could not remove the PGlite lock ${lockFile}:`, error)
        }
      }
    }
    sleep(10)
  }
  throw new Error(`The PGlite directory ${dir} could not be locked: its lock file ${lockFile} keeps changing.`)
}
