import { spawnSync } from 'node:child_process'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb, type Db } from '@/lib/db'
import { hashBody } from '@/lib/comments/hash'
import { toPublicComment } from '@/lib/comments/public-comment'
import { insertComment, listVisibleComments } from '@/lib/comments/store'
import { createTestSchema, skipReason, skipWithoutPostgres } from '@/test/support/postgres'
import { runCommand, UsageError } from './comments'

const listComments = async (db: Db, slug: string) =>
  (await listVisibleComments(db, slug)).map((comment) => toPublicComment(comment))
// PGlite: no running site to tell (a site on this database would be stopped while the CLI holds it).
const site = { siteUrl: 'http://127.0.0.1:9', secret: undefined }

async function run(db: Db, args: string[], stdin = '') {
  let output = ''
  await runCommand({ db, site }, args, { write: (text) => (output += text), stdin: Readable.from([stdin]) })
  return output
}

/** The posts whose pages a command says must be refreshed. */
async function changed(db: Db, args: string[], stdin = '') {
  return (await runCommand({ db, site }, args, { write: () => {}, stdin: Readable.from([stdin]) })).changedSlugs
}

async function seed(db: Db) {
  const add = async (
    body: string,
    extra: { parentId?: number; status?: 'published' | 'pending' | 'spam'; slug?: string } = {},
  ) => {
    const stored = await insertComment(db, {
      slug: extra.slug ?? 'post-a',
      name: 'Ada "the" <Admin>',
      body,
      status: extra.status ?? 'published',
      clientHash: 'c',
      bodyHash: hashBody(body),
      parentId: extra.parentId ?? null,
      idempotencyKey: undefined,
      createdAt: new Date(),
    })
    return stored.id
  }
  const top = await add('Top\nwith a line break and ünïcödé 😀')
  await add('A reply', { parentId: top })
  await add('Held: https://example.com', { status: 'pending' })
  await add('Bot', { status: 'spam' })
  await add('Elsewhere', { slug: 'post-b' })
  return top
}

describe('the moderation CLI', () => {
  let db: Db
  let top: number
  beforeAll(async () => {
    db = await openDb({ pgliteDir: 'memory://', poolMax: 1 })
    top = await seed(db)
  })
  afterAll(() => db.close())

  it('lists every comment, or only the held ones', async () => {
    expect((await run(db, ['list'])).trim().split('\n')).toHaveLength(5)
    const pending = await run(db, ['list', '--pending'])
    expect(pending).toContain('pending')
    expect(pending).toContain('Held: https://example.com')
    expect(pending.trim().split('\n')).toHaveLength(1)
  })

  it('approves, deletes and marks spam by id; an unknown id or command is a usage error', async () => {
    const [held] = (await run(db, ['list', '--pending'])).trim().split(/\s+/)
    expect(await run(db, ['approve', String(held)])).toBe(`Comment ${held} is now published.\n`)
    expect((await listComments(db, 'post-a')).map((c) => c.id)).toContain(Number(held))
    expect(await run(db, ['list', '--pending'])).toBe('No comments await moderation.\n')

    await run(db, ['delete', String(top)])
    expect((await listComments(db, 'post-a')).find((c) => c.id === top)).toMatchObject({
      status: 'deleted',
      body: null,
    })
    await run(db, ['spam', String(held)])
    expect((await listComments(db, 'post-a')).map((c) => c.id)).not.toContain(Number(held))

    await expect(run(db, ['approve', '999999'])).rejects.toThrow(new UsageError('There is no comment 999999.'))
    await expect(run(db, ['approve', 'abc'])).rejects.toBeInstanceOf(UsageError)
    await expect(run(db, ['frobnicate'])).rejects.toThrow('Unknown command "frobnicate"')
  })

  it('names the post whose page a change makes stale, so the site can be told; reading changes nothing', async () => {
    const other = (await run(db, ['list']))
      .split('\n')
      .find((line) => line.includes('post-b'))
      ?.trim()
      .split(/\s+/)[0]
    expect(await changed(db, ['approve', String(other)])).toEqual(['post-b'])
    expect(await changed(db, ['list'])).toEqual([])
    expect(await changed(db, ['export'])).toEqual([])
  })

  it('shows one comment whole, links included, where list cuts the text; an unknown id is a usage error', async () => {
    const target = await openDb({ pgliteDir: 'memory://', poolMax: 1 })
    try {
      const body =
        `Great post, thanks! I learned a lot about connection pools here.${'\n'.repeat(30)}` +
        'Cheap pills: spam-pharmacy.example?ref=1 \x1B]0;owned\x07'
      const { id } = await insertComment(target, {
        slug: 'post-a',
        name: 'Ada\x1B[2J',
        body,
        status: 'pending',
        clientHash: 'c',
        bodyHash: hashBody(body),
        parentId: null,
        idempotencyKey: undefined,
        createdAt: new Date(),
      })
      const listed = await run(target, ['list', '--pending'])
      expect(listed).toContain(`[cut: `)
      expect(listed).toContain(`\`show ${id}\`] [1 link]`)
      const shown = await run(target, ['show', String(id)])
      expect(shown).toContain('Links:  1\n  - spam-pharmacy.example?ref=1\n')
      expect(shown).toContain('  | Cheap pills: spam-pharmacy.example?ref=1 \n')
      expect(`${listed}${shown}`).not.toMatch(/[\x00-\x09\x0B-\x1F\x7F-\x9F]/)
      await expect(run(target, ['show', String(id + 1)])).rejects.toThrow(
        new UsageError(`There is no comment ${id + 1}.`),
      )
    } finally {
      await target.close()
    }
  })

  it('exports JSON Lines that import unchanged into an empty database; importing twice changes nothing', async () => {
    const exported = await run(db, ['export'])
    const lines = exported.trim().split('\n')
    expect(lines).toHaveLength(5)
    expect(JSON.parse(lines[0] ?? '')).toEqual({
      id: top,
      slug: 'post-a',
      parentId: null,
      name: 'Ada "the" <Admin>',
      body: 'Top\nwith a line break and ünïcödé 😀',
      status: 'deleted',
      createdAt: expect.stringMatching(/Z$/),
    })
    // No client address hash leaves the database.
    expect(exported).not.toContain('client')

    const target = await openDb({ pgliteDir: 'memory://', poolMax: 1 })
    try {
      expect(await run(target, ['import'], exported)).toBe('Imported 5 comments, skipped 0 already present.\n')
      expect(await run(target, ['export'])).toBe(exported)
      expect(await run(target, ['import'], exported)).toBe('Imported 0 comments, skipped 5 already present.\n')
    } finally {
      await target.close()
    }
  })

  it('refuses a file with a bad line, naming it, and imports nothing from it', async () => {
    const target = await openDb({ pgliteDir: 'memory://', poolMax: 1 })
    try {
      const good = JSON.stringify({
        id: 1,
        slug: 'p',
        parentId: null,
        name: 'A',
        body: 'B',
        status: 'published',
        createdAt: '2026-01-01T00:00:00.000Z',
      })
      await expect(run(target, ['import'], `${good}\n{"id":2}\n`)).rejects.toThrow(/^Line 2, slug: is missing\n/)
      const future = JSON.stringify({ ...JSON.parse(good), id: 3, parentId: 2, createdAt: '2999-01-01T00:00:00.000Z' })
      await expect(run(target, ['import'], `${good}\n\n${future}\n`)).rejects.toThrow(
        new UsageError(
          'Line 3, createdAt: is in the future\n' +
            'Line 3, parentId: comment 2 is neither in the file nor in the database\nNothing was imported.',
        ),
      )
      await expect(run(target, ['import'], `${good}\nnot json\n`)).rejects.toThrow('Line 2 is not JSON.')
      expect(await run(target, ['export'])).toBe('')
    } finally {
      await target.close()
    }
  })
})

describe('`npm run comments` as a process', () => {
  const cli = (args: string[], env: Record<string, string>, input = '') =>
    spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/comments.ts', ...args], {
      env: { ...process.env, ...env },
      input,
      encoding: 'utf8',
    })

  it('prints its usage', () => {
    const result = cli(['help'], {})
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('list [--pending]')
  })

  describe.skipIf(skipWithoutPostgres)(`on DATABASE_URL${skipWithoutPostgres ? ` (${skipReason})` : ''}`, () => {
    let schema: Awaited<ReturnType<typeof createTestSchema>>
    beforeAll(async () => {
      schema = await createTestSchema('cli')
    })
    afterAll(() => schema?.drop())

    it('imports, lists, approves and exports; a change the site cannot be told about is an error that says so', () => {
      const line = {
        id: 7,
        slug: 'p',
        parentId: null,
        name: 'Ada',
        body: 'Held',
        status: 'pending',
        createdAt: '2026-01-01T00:00:00.000Z',
      }
      // No REVALIDATE_SECRET: the change is stored, and the CLI says the site still shows the old page.
      const env = { DATABASE_URL: schema.url, REVALIDATE_SECRET: '' }
      const imported = cli(['import'], env, `${JSON.stringify(line)}\n`)
      expect(imported.stdout).toBe('Imported 1 comments, skipped 0 already present.\n')
      expect([imported.status, imported.stderr]).toEqual([
        1,
        expect.stringContaining('the site still shows the old page(s) of p: REVALIDATE_SECRET is not set'),
      ])
      expect(cli(['list', '--pending'], env).stdout).toContain('Held')
      expect(cli(['approve', '7'], env).stdout).toBe('Comment 7 is now published.\n')
      expect(cli(['export'], env)).toMatchObject({
        status: 0,
        stdout: `${JSON.stringify({ ...line, status: 'published' })}\n`,
      })
      const missing = cli(['delete', '8'], env)
      expect([missing.status, missing.stderr.trim()]).toEqual([2, 'There is no comment 8.'])
    })
  })
})
