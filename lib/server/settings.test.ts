import { describe, expect, it } from 'vitest'
import { parseServerSettings } from './settings.mjs'

describe('parseServerSettings', () => {
  it('defaults to 0.0.0.0:3000, an 8 s grace period and Node’s keep-alive timeout', () => {
    expect(parseServerSettings({})).toEqual({
      port: 3000,
      hostname: '0.0.0.0',
      shutdownTimeoutMs: 8000,
      keepAliveTimeoutMs: undefined,
    })
    expect(parseServerSettings({ PORT: '', SHUTDOWN_TIMEOUT_MS: '', KEEP_ALIVE_TIMEOUT: '' })).toMatchObject({
      port: 3000,
      shutdownTimeoutMs: 8000,
    })
  })

  it('accepts whole numbers', () => {
    expect(
      parseServerSettings({
        PORT: '4100',
        HOSTNAME: '127.0.0.1',
        SHUTDOWN_TIMEOUT_MS: '0',
        KEEP_ALIVE_TIMEOUT: '65000',
      }),
    ).toEqual({
      port: 4100,
      hostname: '127.0.0.1',
      shutdownTimeoutMs: 0,
      keepAliveTimeoutMs: 65000,
    })
  })

  it('refuses anything else, naming every bad variable in one error', () => {
    for (const value of ['-1', '1.5', '10s', 'abc'])
      expect(() => parseServerSettings({ SHUTDOWN_TIMEOUT_MS: value })).toThrow('SHUTDOWN_TIMEOUT_MS')
    expect(() => parseServerSettings({ PORT: 'x', KEEP_ALIVE_TIMEOUT: '5s' })).toThrow(/PORT[\s\S]*KEEP_ALIVE_TIMEOUT/)
  })
})
