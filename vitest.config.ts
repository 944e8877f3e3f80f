import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./', import.meta.url)),
      'contentlayer/generated': fileURLToPath(new URL('./.contentlayer/generated', import.meta.url)),
      // `server-only` throws outside React Server Components; tests import server modules directly.
      'server-only': fileURLToPath(new URL('./node_modules/server-only/empty.js', import.meta.url)),
    },
  },
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.{ts,tsx}',
      'test/**/*.test.ts',
      'app/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    // The build's clock (lib/build-config.ts), which next.config.ts (or scripts/build.mjs) sets in a build.
    env: { BUILD_TIME: new Date().toISOString() },
    // Contentlayer builds in the content tests take a few seconds each; PGlite starts in a few seconds too.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
