import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

function runLintContent(env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'lint:content'], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run lint:content', () => {
  it('prints file:line: message for each problem and exits non-zero', () => {
    const { status, stdout, stderr } = runLintContent({ CONTENT_DIR: 'test/fixtures/lint' })
    expect(status).toBe(1)
    // Every rule's own messages are checked in lib/content-lint/lint.test.ts; here, the output format.
    const lines = stdout.trim().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(20)
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/lint\/posts\/[\w/-]+\.mdx:\d+: \S/)
    expect(lines).toContain('test/fixtures/lint/posts/code.mdx:7: code block without a language (```ts, ```sql, ```text …)')
    expect(stderr).toContain(`lint:content: ${lines.length} problems in 9 files`)
  })

  it('passes the real posts with exit code 0', () => {
    const { status, stdout } = runLintContent()
    expect(status, stdout).toBe(0)
    expect(stdout).toContain('lint:content: every post in content/posts is fine')
  })
})
