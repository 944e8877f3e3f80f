/** Helpers for component tests that render to static markup: read elements whatever their attribute order. */

export type ParsedElement = { attributes: Record<string, string>; text: string }

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&')
}

/**
 * Every `<tag …>…</tag>` (not nested in one of its own kind), with its attributes and its text without
 * markup or comments.
 */
export function findElements(html: string, tag: string): ParsedElement[] {
  const pattern = new RegExp(`<${tag}((?:\\s+[\\w:-]+(?:="[^"]*")?)*)\\s*>(.*?)</${tag}>`, 'gs')
  return [...html.matchAll(pattern)].map(([, rawAttributes = '', inner = '']) => ({
    attributes: Object.fromEntries(
      [...rawAttributes.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)].map(([, name = '', value = '']) => [
        name,
        decodeEntities(value),
      ]),
    ),
    text: decodeEntities(inner.replace(/<!--.*?-->/gs, '').replace(/<[^>]+>/g, '')),
  }))
}

/** The text of the markup, tags and React's text separators removed. */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<!--.*?-->/gs, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim()
}
