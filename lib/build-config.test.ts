import { describe, expect, it } from 'vitest'
import { parseBuildConfig } from './build-config'

describe('parseBuildConfig', () => {
  it('reads the build clock, and previews drafts in development only', () => {
    const time = '2026-05-01T12:00:00.000Z'
    expect(parseBuildConfig({ BUILD_TIME: time, NODE_ENV: 'production' })).toEqual({
      buildTime: Date.parse(time),
      isPreview: false,
    })
    expect(parseBuildConfig({ BUILD_TIME: time, NODE_ENV: 'development' })).toEqual({
      buildTime: Date.parse(time),
      isPreview: true,
    })
    expect(parseBuildConfig({ BUILD_TIME: time, NODE_ENV: 'test' }).isPreview).toBe(false)
  })

  it('refuses a build without its clock', () => {
    expect(() => parseBuildConfig({ NODE_ENV: 'production' })).toThrow(/BUILD_TIME is not a date \(null\)/)
    expect(() => parseBuildConfig({ BUILD_TIME: 'soon' })).toThrow(/BUILD_TIME is not a date \("soon"\)/)
  })
})
