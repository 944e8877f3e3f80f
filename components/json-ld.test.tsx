import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { JsonLd } from './json-ld'

describe('JsonLd', () => {
  it('renders one script whose text is the escaped JSON, so a `</script>` in the data cannot end it', () => {
    const data = { headline: '</script><script>alert(1)</script>', note: 'a & b "c"' }
    const html = renderToStaticMarkup(<JsonLd data={data} />)
    const match = /^<script type="application\/ld\+json">(.*)<\/script>$/s.exec(html)
    expect(match, html).not.toBeNull()
    const text = match?.[1] ?? ''
    expect(text).not.toMatch(/<\/?script/i)
    // The text is raw JSON, not HTML-escaped: a JSON-LD parser reads it as is.
    expect(JSON.parse(text)).toEqual(data)
  })
})
