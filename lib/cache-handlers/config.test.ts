import { describe, expect, it } from 'vitest'
import { parseCacheConfig } from './config.mjs'

describe('parseCacheConfig', () => {
  it('uses memory without REDIS_URL, or with an empty one', () => {
    expect(parseCacheConfig({})).toEqual({ store: 'memory' })
    expect(parseCacheConfig({ REDIS_URL: '' })).toEqual({ store: 'memory' })
  })

  it('uses Redis with the default or the given key prefix', () => {
    expect(parseCacheConfig({ REDIS_URL: 'redis://cache:6379' })).toEqual({
      store: 'redis',
      url: 'redis://cache:6379',
      keyPrefix: 'backend-playbook:',
    })
    expect(parseCacheConfig({ REDIS_URL: 'rediss://u:p@cache:6380/2', REDIS_KEY_PREFIX: 'blog:' })).toEqual({
      store: 'redis',
      url: 'rediss://u:p@cache:6380/2',
      keyPrefix: 'blog:',
    })
  })

  it('names a malformed REDIS_URL without echoing it', () => {
    for (const url of ['http://user:secret@cache:6379', 'cache:6379', 'redis//cache']) {
      let message = ''
      try {
        parseCacheConfig({ REDIS_URL: url })
      } catch (error) {
        message = error instanceof Error ? error.message : ''
      }
      expect(message).toMatch(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/)
      expect(message).not.toContain('secret')
    }
  })

  it('keeps `next build` on the memory store, and still checks REDIS_URL there', () => {
    expect(parseCacheConfig({ REDIS_URL: 'redis://cache:6379', NEXT_PHASE: 'phase-production-build' })).toEqual({
      store: 'memory',
    })
    expect(parseCacheConfig({ REDIS_URL: 'redis://cache:6379', NEXT_PHASE: 'phase-production-server' }).store).toBe(
      'redis',
    )
    expect(() => parseCacheConfig({ REDIS_URL: 'nope', NEXT_PHASE: 'phase-production-build' })).toThrow(/REDIS_URL/)
  })
})
