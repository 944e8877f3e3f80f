import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { findElements, textOf } from '@/test/html'
import { PostNav } from './post-nav'
import { SeriesNav } from './series-nav'

const parts = ['brokers', 'consumers', 'admin'].map((slug) => ({ slug, title: `About ${slug}`, url: `/blog/${slug}` }))

describe('SeriesNav', () => {
  const html = renderToStaticMarkup(
    <SeriesNav series={{ name: 'Kafka from scratch', part: 2, parts }} currentSlug="consumers" />,
  )

  it('says "Part N of M" and names the series', () => {
    expect(findElements(html, 'nav')[0]?.attributes['aria-label']).toBe('Series')
    expect(textOf(html)).toContain('Part 2 of 3 in the series “Kafka from scratch”')
  })

  it('lists every part in order, linking the others and marking the current one instead of linking it', () => {
    expect(findElements(html, 'li').map((item) => item.text)).toEqual([
      'About brokers',
      'About consumers',
      'About admin',
    ])
    expect(findElements(html, 'a').map(({ attributes, text }) => [attributes.href, text])).toEqual([
      ['/blog/brokers', 'About brokers'],
      ['/blog/admin', 'About admin'],
    ])
    expect(findElements(html, 'span')).toEqual([
      expect.objectContaining({
        text: 'About consumers',
        attributes: expect.objectContaining({ 'aria-current': 'page' }),
      }),
    ])
  })
})

describe('PostNav', () => {
  it('links the previous (older) and next (newer) posts with rel prev and next', () => {
    const html = renderToStaticMarkup(<PostNav previous={parts[0]} next={parts[2]} />)
    expect(findElements(html, 'nav')[0]?.attributes['aria-label']).toBe('More posts')
    expect(textOf(html)).toBe('Previous post About brokers Next post About admin')
    expect(findElements(html, 'a').map(({ attributes }) => [attributes.href, attributes.rel])).toEqual([
      ['/blog/brokers', 'prev'],
      ['/blog/admin', 'next'],
    ])
  })

  it('renders nothing for a lone post', () => {
    expect(renderToStaticMarkup(<PostNav />)).toBe('')
  })
})
