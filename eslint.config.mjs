import nextVitals from 'eslint-config-next/core-web-vitals'
import nextTs from 'eslint-config-next/typescript'
import { defineConfig, globalIgnores } from 'eslint/config'

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Commenters' and authors' text is never rendered as raw HTML.
      'react/no-danger': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
    },
  },
  globalIgnores([
    '.next/**',
    '.next-bench/**',
    '.e2e-fixture-site/**',
    '.bench-og/**',
    '.contentlayer/**',
    'next-env.d.ts',
    'test-results/**',
    'playwright-report/**',
    'public/pagefind/**',
    '.scratch/**',
  ]),
])
