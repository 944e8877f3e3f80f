import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readBuiltConfig } from './next-app.mjs'

// The contract between the server entry and the installed Next.js. Each assumption lib/server/next-app.mjs
// makes is checked here against node_modules/next, so a Next.js upgrade that breaks one fails this
// file (with the reason in the test's name) rather than a production start.

const require = createRequire(import.meta.url)
const savedEnv = { ...process.env }
const dirs: string[] = []
afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key]
  Object.assign(process.env, savedEnv)
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'next-app-'))
  dirs.push(dir)
  return dir
}

describe('the Next.js the server entry is built on', () => {
  it('still writes a standalone server.js that hands the built config over in __NEXT_PRIVATE_STANDALONE_CONFIG', () => {
    const generator = readFileSync(require.resolve('next/dist/build/utils.js'), 'utf8')
    expect(generator).toContain('process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(nextConfig)')
  })

  it('still takes the configuration from __NEXT_PRIVATE_STANDALONE_CONFIG where there is no next.config', async () => {
    const { default: loadConfig } = require('next/dist/server/config') as {
      default: (phase: string, dir: string) => Promise<Record<string, unknown>>
    }
    const { PHASE_PRODUCTION_SERVER } = require('next/constants') as { PHASE_PRODUCTION_SERVER: string }
    const marker = { distDir: './.next', cacheMaxMemorySize: 12345, poweredByHeader: false }
    process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(marker)
    expect(await loadConfig(PHASE_PRODUCTION_SERVER, tempDir())).toEqual(marker)
  })

  it('still offers a custom server with prepare(), getRequestHandler() and close()', async () => {
    const { default: next } = await import('next')
    const app = next({ dev: false, dir: tempDir() })
    expect([typeof app.prepare, typeof app.getRequestHandler, typeof app.close]).toEqual([
      'function',
      'function',
      'function',
    ])
  })

  it('still awaits the work after() left behind when the server closes (the Node server keeps it for close())', () => {
    const { default: NextNodeServer } = require('next/dist/server/next-server') as {
      default: { prototype: Record<string, unknown> }
    }
    const source = String(NextNodeServer.prototype.createInternalWaitUntil)
    expect(source).toContain('this.onServerClose(()=>awaiter.awaiting())')
  })
})

describe('readBuiltConfig', () => {
  it('reads the config `next build` wrote into .next/required-server-files.json', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, '.next'))
    writeFileSync(
      path.join(dir, '.next/required-server-files.json'),
      JSON.stringify({ version: 1, config: { distDir: '.next' }, files: [] }),
    )
    expect(readBuiltConfig(dir)).toEqual({ distDir: '.next' })
  })

  it('names the file when it holds no config', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, '.next'))
    writeFileSync(path.join(dir, '.next/required-server-files.json'), '{}')
    expect(() => readBuiltConfig(dir)).toThrow(/required-server-files\.json has no "config"/)
  })
})
