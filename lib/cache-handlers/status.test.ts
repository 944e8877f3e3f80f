import { afterEach, describe, expect, it } from 'vitest'
import { createRouteCacheHandler } from './route-cache-handler.mjs'
import { getCacheStatus, processCacheState } from './status.mjs'
import { getProcessRuntime } from './store.mjs'
import { createClock, createRuntimes, createTestLog } from '@/test/support/cache-handlers'

const slot = Symbol.for('backend-playbook.cache')
const runtimes = createRuntimes()
afterEach(async () => {
  Reflect.deleteProperty(globalThis, slot)
  await runtimes.closeAll()
})

describe('getCacheStatus', () => {
  it('says so when no handler has been loaded in this process', () => {
    Reflect.deleteProperty(globalThis, slot)
    expect(getCacheStatus()).toEqual({
      store: 'memory',
      isConnected: false,
      entries: 0,
      failedInvalidations: 0,
      pendingInvalidations: 0,
      lastError: 'the cache handlers are not loaded in this process',
    })
  })

  it("reports the process's runtime, whichever copy of the module created it", async () => {
    Reflect.deleteProperty(globalThis, slot)
    const runtime = processCacheState(() =>
      runtimes.create({ config: { store: 'memory' }, now: createClock().now, log: createTestLog().log }),
    )
    const Route = createRouteCacheHandler(runtime)
    const page = { kind: 'APP_PAGE', html: 'x', status: 200, headers: {} }
    await new Route({}).set('/a', page, { cacheControl: { revalidate: false } })
    await new Route({}).set('/b', page, { cacheControl: { revalidate: false } })
    expect(getCacheStatus()).toEqual({
      store: 'memory',
      isConnected: true,
      entries: 2,
      failedInvalidations: 0,
      pendingInvalidations: 0,
    })
    expect(
      processCacheState(() =>
        runtimes.create({ config: { store: 'memory' }, now: Date.now, log: createTestLog().log }),
      ),
    ).toBe(runtime)
  })

  it('gives the handlers one runtime per process', () => {
    Reflect.deleteProperty(globalThis, slot)
    expect(getProcessRuntime()).toBe(getProcessRuntime())
    expect(getCacheStatus().store).toBe('memory')
  })
})
