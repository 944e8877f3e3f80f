import { describe, expect, it } from 'vitest'
import { getPage, getPageCount, getPagePath, listExtraPages, parsePageParam, POSTS_PER_PAGE } from './pagination'

const items = Array.from({ length: 25 }, (_, index) => index + 1)

describe('getPage', () => {
  it('shows ten per page, the last page holding the rest', () => {
    expect(POSTS_PER_PAGE).toBe(10)
    expect(getPage(items, 1)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], page: 1, pageCount: 3 })
    expect(getPage(items, 2)?.items).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20])
    expect(getPage(items, 3)?.items).toEqual([21, 22, 23, 24, 25])
  })

  it('has no page 0, no page past the last and no fractional page', () => {
    expect(getPage(items, 0)).toBeUndefined()
    expect(getPage(items, -1)).toBeUndefined()
    expect(getPage(items, 4)).toBeUndefined()
    expect(getPage(items, 1.5)).toBeUndefined()
  })

  it('fills exactly ten per page at the boundaries', () => {
    expect(getPageCount(10)).toBe(1)
    expect(getPageCount(11)).toBe(2)
    expect(getPage(items.slice(0, 20), 2)?.items).toHaveLength(10)
    expect(getPage(items.slice(0, 20), 3)).toBeUndefined()
  })

  it('gives an empty list a single, empty first page and nothing else', () => {
    expect(getPage([], 1)).toEqual({ items: [], page: 1, pageCount: 1 })
    expect(getPage([], 2)).toBeUndefined()
  })

  it('takes another page size', () => {
    expect(getPage(items, 5, 5)?.items).toEqual([21, 22, 23, 24, 25])
    expect(getPage(items, 6, 5)).toBeUndefined()
  })
})

describe('listExtraPages', () => {
  it('lists the pages that have a /page/<n> address: 2 to the last', () => {
    expect(listExtraPages(25)).toEqual([2, 3])
    expect(listExtraPages(10)).toEqual([])
    expect(listExtraPages(0)).toEqual([])
  })
})

describe('parsePageParam', () => {
  it('accepts only the canonical spelling of a page number', () => {
    expect(parsePageParam('2')).toBe(2)
    expect(parsePageParam('120')).toBe(120)
    for (const bad of ['0', '02', '+2', '-1', '2.0', '1e1', ' 2', '', 'two', '9999999']) {
      expect(parsePageParam(bad), bad).toBeUndefined()
    }
  })
})

describe('getPagePath', () => {
  it('puts page 1 at the list itself and later pages under the base', () => {
    expect(getPagePath('/', '/blog/page', 1)).toBe('/')
    expect(getPagePath('/', '/blog/page', 2)).toBe('/blog/page/2')
    expect(getPagePath('/tags/caf%C3%A9', '/tags/caf%C3%A9/page', 3)).toBe('/tags/caf%C3%A9/page/3')
  })
})
