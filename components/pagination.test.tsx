import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { findElements, textOf } from '@/test/html'
import { Pagination } from './pagination'

const render = (page: number, pageCount: number) =>
  renderToStaticMarkup(
    <Pagination page={page} pageCount={pageCount} firstPagePath="/tags/caf%C3%A9" pagesBase="/tags/caf%C3%A9/page" />,
  )
const links = (html: string) =>
  findElements(html, 'a').map(({ attributes, text }) => ({ href: attributes.href, rel: attributes.rel, text }))

describe('Pagination', () => {
  it('renders nothing when everything fits on one page', () => {
    expect(render(1, 1)).toBe('')
  })

  it('is a navigation landmark labelled "Pagination" that says where the reader is', () => {
    const [nav] = findElements(render(2, 3), 'nav')
    expect(nav?.attributes['aria-label']).toBe('Pagination')
    expect(textOf(render(2, 3))).toContain('Page 2 of 3')
  })

  it('links page 2 back to the list itself (rel=prev) and on to page 3 (rel=next)', () => {
    expect(links(render(2, 3))).toEqual([
      { href: '/tags/caf%C3%A9', rel: 'prev', text: '← Newer posts' },
      { href: '/tags/caf%C3%A9/page/3', rel: 'next', text: 'Older posts →' },
    ])
  })

  it('has no newer link on the first page and no older link on the last', () => {
    expect(links(render(1, 3))).toEqual([{ href: '/tags/caf%C3%A9/page/2', rel: 'next', text: 'Older posts →' }])
    expect(links(render(3, 3))).toEqual([{ href: '/tags/caf%C3%A9/page/2', rel: 'prev', text: '← Newer posts' }])
  })
})
