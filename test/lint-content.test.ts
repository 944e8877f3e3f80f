import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(import.meta.dirname, '..')

function runLintContent(env: Record<string, string> = {}) {
  const result = spawnSync('npm', ['run', '--silent', 'lint:content'], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('npm run lint:content', () => {
  it('prints file:line: message for each problem and exits non-zero', () => {
    const { status, stdout, stderr } = runLintContent({ CONTENT_DIR: 'test/fixtures/lint' })
    expect(status).toBe(1)
    // Every rule's own messages are checked in lib/content-lint/lint.test.ts; here, the output format.
    const lines = stdout.trim().split('\n')
    const problems = lines.filter((line) => !line.includes(': note: '))
    expect(problems.length).toBeGreaterThanOrEqual(19)
    for (const line of lines) expect(line).toMatch(/^test\/fixtures\/lint\/posts\/[\w/-]+\.mdx:\d+: \S/)
    expect(lines).toContain(
      'test/fixtures/lint/posts/code.mdx:7: code block without a language (```ts, ```sql, ```text …)',
    )
    expect(stderr).toContain(`lint:content: ${problems.length} problems in 8 files (1 scheduled)`)
  })

  it('passes a scheduled post with exit code 0, as a note with its publication time', () => {
    const { status, stdout } = runLintContent({ CONTENT_DIR: 'test/fixtures/content/site' })
    expect(status, stdout).toBe(0)
    expect(stdout).toBe(
      'test/fixtures/content/site/posts/scheduled-post.mdx:3: note: scheduled for 2999-01-01 00:00 UTC: ' +
        'production builds leave it out until they run on or after that time\n' +
        'lint:content: every post in test/fixtures/content/site/posts is fine (1 scheduled)\n',
    )
  })

  it('passes the real posts with exit code 0', () => {
    const { status, stdout } = runLintContent()
    expect(status, stdout).toBe(0)
    expect(stdout).toContain('lint:content: every post in content/posts is fine')
  })
})
