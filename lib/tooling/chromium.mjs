// @ts-check
// The Chromium the e2e tests (playwright.config.ts) and bench/lighthouse.mjs drive. Plain .mjs with
// JSDoc types, so the benchmarks run it under `node` and the TypeScript config imports it. Not in
// e2e/ or bench/: the project copies that build the fixture site and the benchmarks' sites
// (lib/tooling/project-copy.mjs) leave those out, and `next build` typechecks the config.
import { existsSync } from 'node:fs'

const debianChromium = '/usr/bin/chromium'

/**
 * Debian's Chromium where it exists (CI and machines without network access to Playwright's
 * browser downloads); undefined elsewhere, where Playwright and chrome-launcher find their own.
 */
export const systemChromiumPath = existsSync(debianChromium) ? debianChromium : undefined

/**
 * The sandbox needs user namespaces that CI containers do not give a root process; the network
 * flags stop Chromium from calling Google's services, which a closed network refuses one by one.
 */
/** @type {readonly string[]} */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
]
