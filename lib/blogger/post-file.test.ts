import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { choosePostSlug, formatPostFile, labelsToTags, toCalendarDay, toPostSlug } from './post-file'

describe('post slugs', () => {
  it.each([
    ['what-is-backend-engineering', 'what-is-backend-engineering'],
    ['my_old_post', 'my-old-post'],
    ['Café & crème', 'cafe-creme'],
    ['Пост', ''],
  ])('%s → %s', (value, slug) => {
    expect(toPostSlug(value)).toBe(slug)
  })

  it('uses the old file name, then the title, then the Blogger id, and numbers repeats', () => {
    const taken = new Set<string>()
    expect(choosePostSlug({ id: '1', title: 'Ignored', path: '/2019/01/intro.html' }, taken)).toBe('intro')
    expect(choosePostSlug({ id: '2', title: 'Ignored', path: '/2020/03/intro.html' }, taken)).toBe('intro-2')
    expect(choosePostSlug({ id: '3', title: 'A draft: first steps', path: undefined }, taken)).toBe(
      'a-draft-first-steps',
    )
    expect(choosePostSlug({ id: '4', title: 'Черновик', path: undefined }, taken)).toBe('post-4')
  })
})

describe('toCalendarDay', () => {
  it('keeps the day as written in the blog’s time zone', () => {
    expect(toCalendarDay('2024-05-31T23:30:00.000-07:00')).toBe('2024-05-31')
    expect(toCalendarDay('')).toBeUndefined()
    expect(toCalendarDay('not a date')).toBeUndefined()
  })
})

describe('labelsToTags', () => {
  it('keeps spellings, counts a repeat in another case once, and drops labels without letters or digits', () => {
    expect(labelsToTags([' Bases  de données ', 'API', 'api', '!!!', 'C#', 'C++'])).toEqual({
      tags: ['Bases de données', 'API', 'C#', 'C++'],
      dropped: ['!!!'],
    })
  })
})

describe('formatPostFile', () => {
  it('writes front matter that YAML reads back exactly, then the body', () => {
    const source = formatPostFile(
      {
        title: 'Quotes "here": and \\ back',
        date: '2024-05-02',
        updated: '2024-05-20',
        summary: 'It costs {x} < y',
        tags: ['Bases de données'],
        draft: true,
      },
      '\nBody text\n\n',
    )
    const [, yaml, body] = source.split('---\n')
    expect(parse(yaml ?? '')).toEqual({
      title: 'Quotes "here": and \\ back',
      date: '2024-05-02',
      updated: '2024-05-20',
      summary: 'It costs {x} < y',
      tags: ['Bases de données'],
      draft: true,
    })
    expect(body).toBe('\nBody text\n')
    expect(formatPostFile({ title: 't', date: '2024-01-01', summary: 's', tags: [], draft: false }, 'b')).not.toMatch(
      /draft|updated/,
    )
  })
})
