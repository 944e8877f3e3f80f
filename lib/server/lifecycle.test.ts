import { afterEach, describe, expect, it, vi } from 'vitest'

// Each import after vi.resetModules() is a fresh copy of the module, as each Next.js bundle has one.
const freshCopy = async () => {
  vi.resetModules()
  return import('./lifecycle.mjs')
}

afterEach(async () => {
  await (await freshCopy()).runCloseTasks().catch(() => undefined)
})

describe('the process lifecycle', () => {
  it('gives every copy of the module the same singleton', async () => {
    const first = await freshCopy()
    const second = await freshCopy()
    expect(first).not.toBe(second)
    const value = first.processSingleton('test-singleton', () => ({ created: Math.random() }))
    expect(second.processSingleton('test-singleton', () => ({ created: -1 }))).toBe(value)
  })

  it("runs every copy's close tasks once each, in order, and reports the first failure after running all", async () => {
    const ran: string[] = []
    const first = await freshCopy()
    const second = await freshCopy()
    const closeDb = async () => void ran.push('database')
    first.closeOnShutdown(closeDb)
    second.closeOnShutdown(closeDb)
    second.closeOnShutdown(async () => {
      ran.push('failing')
      throw new Error('disk full')
    })
    first.closeOnShutdown(async () => void ran.push('last'))
    await expect(second.runCloseTasks()).rejects.toThrow('disk full')
    expect(ran).toEqual(['database', 'failing', 'last'])
    await first.runCloseTasks()
    expect(ran).toHaveLength(3)
  })
})
