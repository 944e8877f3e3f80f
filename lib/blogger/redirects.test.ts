import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { getRedirectMapRedirects, readRedirectMap } from './redirect-map'
import { buildRedirects, mergeRedirects } from './redirects'

describe('buildRedirects', () => {
  it('maps old post paths, label pages (through the site’s tag slugs) and the feed', () => {
    const redirects = buildRedirects([
      {
        slug: 'what-is-backend-engineering',
        path: '/2024/05/what-is-backend-engineering.html',
        labels: ['Backend', 'Bases de données'],
      },
      { slug: 'cpp', path: '/2019/01/C++ tips.html', labels: ['C++', 'Backend', 'Node.js'] },
      { slug: 'no-path', path: undefined, labels: [] },
    ])
    expect(redirects).toEqual([
      { from: '/2024/05/what-is-backend-engineering.html', to: '/blog/what-is-backend-engineering' },
      { from: '/2019/01/C++%20tips.html', to: '/blog/cpp' },
      { from: '/search/label/Backend', to: '/tags/backend' },
      { from: '/search/label/Bases%20de%20donn%C3%A9es', to: '/tags/bases-de-donn%C3%A9es' },
      { from: '/search/label/C%2B%2B', to: '/tags/c' },
      { from: '/search/label/Node.js', to: '/tags/nodejs' },
      { from: '/feeds/posts/default', to: '/feed.xml' },
    ])
    expect(buildRedirects([])).toEqual([])
  })

  it('merges into an existing map: other entries stay, the same old path takes the new target, sorted', () => {
    const merged = mergeRedirects(
      {
        redirects: [
          { from: '/z.html', to: '/blog/z' },
          { from: '/a.html', to: '/blog/old' },
        ],
      },
      [{ from: '/a.html', to: '/blog/a' }],
    )
    expect(merged).toEqual({
      redirects: [
        { from: '/a.html', to: '/blog/a' },
        { from: '/z.html', to: '/blog/z' },
      ],
    })
  })
})

describe('the redirect map next.config.ts reads', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'redirect-map-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const write = (value: unknown) => writeFileSync(path.join(dir, 'redirects.json'), JSON.stringify(value))

  it('is empty when there is no file', () => {
    expect(readRedirectMap(path.join(dir, 'missing'))).toEqual({ redirects: [] })
    expect(getRedirectMapRedirects(path.join(dir, 'missing'))).toEqual([])
  })

  it('gives permanent (308) redirects whose sources match the old path literally', () => {
    write({
      redirects: [
        { from: '/2019/01/C++%20(2).html', to: '/blog/cpp' },
        { from: '/a:b*.html', to: '/blog/ab' },
      ],
    })
    expect(getRedirectMapRedirects(dir)).toEqual([
      { source: '/2019/01/C\\+\\+%20\\(2\\).html', destination: '/blog/cpp', permanent: true },
      { source: '/a\\:b\\*.html', destination: '/blog/ab', permanent: true },
    ])
  })

  it.each([
    ['a path without its slash', { redirects: [{ from: 'x.html', to: '/blog/x' }] }],
    ['a pattern as target', { redirects: [{ from: '/x.html', to: '/blog/:slug' }] }],
    ['an unknown field', { redirects: [{ from: '/x.html', to: '/blog/x', status: 301 }] }],
  ])('stops the build on %s, naming the file', (_, value) => {
    write(value)
    expect(() => readRedirectMap(dir)).toThrow(path.join(dir, 'redirects.json'))
  })
})
