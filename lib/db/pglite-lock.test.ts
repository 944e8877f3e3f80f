import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { lockDataDir } from './pglite-lock'

const scratch = mkdtempSync(path.join(tmpdir(), 'pglite-lock-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

let dirs = 0
const newDir = () => path.join(scratch, `db-${++dirs}`)
const lockOf = (dir: string) => `${dir}.lock`
const readLock = (dir: string): unknown => JSON.parse(readFileSync(lockOf(dir), 'utf8'))
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid ?? 0
const hasProc = existsSync('/proc/self/stat')
const markerOf = (dir: string, content: string) =>
  `${lockOf(dir)}.takeover-${createHash('sha256').update(content).digest('hex').slice(0, 16)}`

/**
 * A process that tries to lock `dir` when it reads a line, reports "won" or "refused <message>", and
 * exits when its stdin ends.
 */
function startContender(dir: string) {
  const script = `
    import { createInterface } from 'node:readline'
    const { lockDataDir } = await import(${JSON.stringify(path.resolve('lib/db/pglite-lock.ts'))})
    const lines = createInterface({ input: process.stdin })
    console.log('ready')
    for await (const _ of lines) {
      try {
        lockDataDir(${JSON.stringify(dir)})
        console.log('won')
      } catch (error) {
        console.log('refused ' + error.message)
      }
    }`
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script])
  const output = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const nextLine = async () => String((await output.next()).value)
  return { child, nextLine }
}

const stop = (child: ChildProcessWithoutNullStreams) =>
  new Promise((resolve) => child.once('exit', resolve).stdin.end())

describe('the PGlite lock', () => {
  it('locks a free directory, refuses it twice in one process, and unlocks', () => {
    const dir = newDir()
    const unlock = lockDataDir(dir)
    expect(readLock(dir)).toMatchObject({ pid: process.pid, token: expect.any(String) })
    expect(() => lockDataDir(dir)).toThrow(`The PGlite directory ${dir} is already open in this process.`)
    unlock()
    expect(existsSync(lockOf(dir))).toBe(false)
    lockDataDir(dir)()
  })

  it('takes over a lock left by a process that is gone', () => {
    const dir = newDir()
    writeFileSync(lockOf(dir), JSON.stringify({ pid: deadPid(), token: 'crashed' }))
    const unlock = lockDataDir(dir)
    expect(readLock(dir)).toMatchObject({ pid: process.pid })
    unlock()
  })

  it.each([
    ['with another token', () => JSON.stringify({ pid: process.pid, token: 'the container before the restart' })],
    ['in the format without a token', () => String(process.pid)],
  ])("takes over a lock that names this process's pid %s (PID 1 after a container restart)", (_, content) => {
    const dir = newDir()
    writeFileSync(lockOf(dir), content())
    const unlock = lockDataDir(dir)
    expect(readLock(dir)).toMatchObject({ pid: process.pid })
    unlock()
  })

  it.skipIf(!hasProc)('takes over a lock whose pid is alive but started at another time (a reused pid)', () => {
    const dir = newDir()
    writeFileSync(lockOf(dir), JSON.stringify({ pid: process.ppid, token: 'old', startTime: '1' }))
    lockDataDir(dir)()
  })

  it('takes over an unreadable lock once it is a few seconds old (not one being written)', () => {
    const dir = newDir()
    writeFileSync(lockOf(dir), '')
    expect(() => lockDataDir(dir)).toThrow('could not be locked')
    utimesSync(lockOf(dir), new Date(Date.now() - 10_000), new Date(Date.now() - 10_000))
    lockDataDir(dir)()
  })

  it('refuses a directory that another live process holds, naming it; in the format without a token too', async () => {
    const dir = newDir()
    const holder = startContender(dir)
    try {
      expect(await holder.nextLine()).toBe('ready')
      holder.child.stdin.write('go\n')
      expect(await holder.nextLine()).toBe('won')
      const message =
        `The PGlite directory ${dir} is in use by process ${holder.child.pid}. ` +
        'Stop that process, or set DATABASE_URL'
      expect(() => lockDataDir(dir)).toThrow(message)
      writeFileSync(lockOf(dir), String(holder.child.pid))
      expect(() => lockDataDir(dir)).toThrow(message)
    } finally {
      await stop(holder.child)
    }
  })

  it('lets exactly one of several processes take over one stale lock', async () => {
    const dir = newDir()
    writeFileSync(lockOf(dir), JSON.stringify({ pid: deadPid(), token: 'crashed' }))
    const contenders = Array.from({ length: 4 }, () => startContender(dir))
    try {
      for (const contender of contenders) expect(await contender.nextLine()).toBe('ready')
      for (const contender of contenders) contender.child.stdin.write('go\n')
      const results = await Promise.all(contenders.map((contender) => contender.nextLine()))
      const winners = contenders.filter((_, i) => results[i] === 'won')
      expect(winners).toHaveLength(1)
      const winnerPid = winners[0]?.child.pid
      expect(results.filter((result) => result !== 'won')).toEqual(
        Array(3).fill(expect.stringContaining(`is in use by process ${winnerPid}.`)),
      )
      expect(readLock(dir)).toMatchObject({ pid: winnerPid })
      expect(
        readdirSync(scratch).filter(
          (name) => name.startsWith(path.basename(dir)) && name !== `${path.basename(dir)}.lock`,
        ),
      ).toEqual([])
    } finally {
      await Promise.all(contenders.map((contender) => stop(contender.child)))
    }
  })

  it('leaves a stale lock alone while another live process is taking it over', () => {
    const dir = newDir()
    const stale = JSON.stringify({ pid: deadPid(), token: 'crashed' })
    writeFileSync(lockOf(dir), stale)
    writeFileSync(
      markerOf(dir, stale),
      JSON.stringify({ pid: process.ppid, token: 'a process in the middle of its takeover' }),
    )
    expect(() => lockDataDir(dir)).toThrow('could not be locked')
    expect(readFileSync(lockOf(dir), 'utf8')).toBe(stale)
  })

  it('takes over a takeover left by a process that crashed in the middle of it', () => {
    const dir = newDir()
    const stale = JSON.stringify({ pid: deadPid(), token: 'crashed' })
    writeFileSync(lockOf(dir), stale)
    writeFileSync(markerOf(dir, stale), JSON.stringify({ pid: deadPid(), token: 'crashed while taking over' }))
    lockDataDir(dir)()
    expect(readdirSync(scratch).filter((name) => name.startsWith(`${path.basename(dir)}.`))).toEqual([])
  })
})
