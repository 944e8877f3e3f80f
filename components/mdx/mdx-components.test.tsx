import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Callout } from './callout'
import { Figure, MdxImage } from './figure'

describe('Callout', () => {
  it('renders a note by default and a warning on request, with its label and content', () => {
    const note = renderToStaticMarkup(<Callout>Keys expire.</Callout>)
    expect(note).toMatch(
      new RegExp(
        /^<div role="note" class="[^"]*border-sky-700[^"]*">/.source +
          /<p class="[^"]*">Note<\/p><div[^>]*>Keys expire.<\/div><\/div>$/.source,
      ),
    )
    const warning = renderToStaticMarkup(
      <Callout type="warning" title="Breaking change">
        Do it on day one.
      </Callout>,
    )
    expect(warning).toContain('border-amber-600')
    expect(warning).toContain('>Breaking change</p>')
  })

  it('fails on a type it does not know', () => {
    // @ts-expect-error -- only note and warning exist; MDX authors can still write anything
    expect(() => renderToStaticMarkup(<Callout type="tip">x</Callout>)).toThrow(/<Callout>:[\s\S]*type/)
  })
})

describe('Figure', () => {
  it('renders the image through next/image with its size, alt text and caption', () => {
    const html = renderToStaticMarkup(
      <Figure src="/images/a.png" alt="A diagram" caption="How it flows" width="800" height="400" />,
    )
    expect(html).toContain('alt="A diagram"')
    expect(html).toContain('width="800"')
    expect(html).toContain('height="400"')
    expect(html).toContain('loading="lazy"')
    expect(html).toMatch(/srcSet="\/_next\/image\?url=%2Fimages%2Fa\.png&amp;w=\d+/)
    expect(html).toMatch(/<figcaption[^>]*>How it flows<\/figcaption><\/figure>$/)
  })

  it('fails the build without alt text, naming the image', () => {
    // @ts-expect-error -- alt is required by the type too
    expect(() => renderToStaticMarkup(<Figure src="/images/a.png" width="1" height="1" />)).toThrow(
      /Figure \/images\/a\.png:[\s\S]*alt text is required/,
    )
    expect(() => renderToStaticMarkup(<Figure src="/images/a.png" alt="   " width="1" height="1" />)).toThrow(
      /alt text is required/,
    )
  })

  it('fails on an image from another site or without a size', () => {
    expect(() => renderToStaticMarkup(<Figure src="https://example.com/a.png" alt="x" width="1" height="1" />)).toThrow(
      /public\//,
    )
    expect(() => renderToStaticMarkup(<Figure src="/images/a.png" alt="x" />)).toThrow(/width/)
  })
})

describe('Markdown images', () => {
  it('go through next/image and need alt text too', () => {
    expect(renderToStaticMarkup(<MdxImage src="/images/a.png" alt="A chart" width="10" height="20" />)).toContain(
      'alt="A chart"',
    )
    expect(() => renderToStaticMarkup(<MdxImage src="/images/a.png" alt="" width="10" height="20" />)).toThrow(
      /Markdown image \/images\/a\.png/,
    )
  })
})
