// What is fixed when the site is built, as opposed to lib/config.ts, which a running server reads.
// Next.js replaces these literal `process.env.X` reads in its bundles with the values of the build
// (BUILD_TIME from next.config.ts `env`, NODE_ENV from the command): keep them literal, never
// `process.env[name]` or a destructured `process.env`. Elsewhere (scripts, tests) they are read
// from the environment on first use.

export type BuildConfig = {
  /**
   * The build's clock: a post dated later is scheduled and left out. Fixed once per build
   * (scripts/build.mjs or next.config.ts), so that every page worker agrees on which posts are out.
   */
  buildTime: number
  /** `next dev` shows drafts and scheduled posts, so that authors can read them before they go out. */
  isPreview: boolean
}

/** Throws when BUILD_TIME is not a date: a build without its clock would disagree with itself. */
export function parseBuildConfig(env: { NODE_ENV?: string | undefined; BUILD_TIME?: string | undefined }): BuildConfig {
  const buildTime = Date.parse(env.BUILD_TIME ?? '')
  if (Number.isNaN(buildTime))
    throw new Error(
      `BUILD_TIME is not a date (${JSON.stringify(env.BUILD_TIME ?? null)}): ` +
        'it comes from next.config.ts or scripts/build.mjs',
    )
  return { buildTime, isPreview: env.NODE_ENV === 'development' }
}

let cached: BuildConfig | undefined

export function getBuildConfig(): BuildConfig {
  cached ??= parseBuildConfig({ NODE_ENV: process.env.NODE_ENV, BUILD_TIME: process.env.BUILD_TIME })
  return cached
}

/** True while `next build` prerenders (Next.js sets NEXT_PHASE in its workers): nothing may read the database then. */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === 'phase-production-build'
}
