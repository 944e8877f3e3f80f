import { readdirSync, readFileSync } from 'node:fs'

/**
 * Parent pid of every live process. This kernel has no /proc/<pid>/task/<tid>/children
 * (CONFIG_PROC_CHILDREN is off), so the tree is rebuilt from the ppid field of /proc/<pid>/stat.
 */
function readParentPids() {
  const parents = new Map()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    const stat = readProcFile(`/proc/${name}/stat`)
    if (!stat) continue
    // The command name sits in parentheses and may itself contain spaces or ')'.
    const [, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    parents.set(Number(name), Number(ppid))
  }
  return parents
}

/** A process can exit between listing /proc and reading its files; that is not an error. */
function readProcFile(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ESRCH') return undefined
    throw error
  }
}

function listTree(rootPid) {
  const children = new Map()
  for (const [pid, ppid] of readParentPids()) {
    if (!children.has(ppid)) children.set(ppid, [])
    children.get(ppid).push(pid)
  }
  const tree = [rootPid]
  for (let index = 0; index < tree.length; index++) tree.push(...(children.get(tree[index]) ?? []))
  return tree
}

/** Resident set size in KiB; 0 for zombies and processes that are already gone. */
function readRssKiB(pid) {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readProcFile(`/proc/${pid}/status`) ?? '')
  return match ? Number(match[1]) : 0
}

/** RSS of `rootPid` plus all its descendants, and of the largest single process among them. */
export function sampleTree(rootPid) {
  const sizes = listTree(rootPid).map(readRssKiB)
  return { treeKiB: sizes.reduce((sum, size) => sum + size, 0), largestKiB: Math.max(0, ...sizes) }
}

/**
 * Samples the tree every `intervalMs` until stopped and keeps the peaks. Summed RSS counts shared
 * pages (libraries, mapped files) once per process, so the tree figure is an upper bound.
 */
export function startPeakSampler(rootPid, { intervalMs = 200, onSample } = {}) {
  const peak = { treeKiB: 0, largestKiB: 0 }
  const sample = () => {
    const current = sampleTree(rootPid)
    peak.treeKiB = Math.max(peak.treeKiB, current.treeKiB)
    peak.largestKiB = Math.max(peak.largestKiB, current.largestKiB)
    onSample?.(current)
  }
  sample()
  const timer = setInterval(sample, intervalMs)
  return {
    stop() {
      clearInterval(timer)
      return peak
    },
  }
}
