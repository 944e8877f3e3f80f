import { describe, expect, it } from 'vitest'
import { parseEnv } from './env'

describe('SHUTDOWN_TIMEOUT_MS', () => {
  const timeout = (value: string | undefined) => parseEnv({ SHUTDOWN_TIMEOUT_MS: value }).SHUTDOWN_TIMEOUT_MS

  it('defaults to 8000 ms and accepts whole milliseconds', () => {
    expect(timeout(undefined)).toBe(8000)
    expect(timeout('')).toBe(8000)
    expect(timeout('0')).toBe(0)
    expect(timeout('25000')).toBe(25000)
  })
  it('rejects anything else', () => {
    for (const value of ['-1', '1.5', '10s', 'abc']) expect(() => timeout(value)).toThrow('SHUTDOWN_TIMEOUT_MS')
  })
})
