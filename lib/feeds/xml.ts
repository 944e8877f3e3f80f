// Characters XML 1.0 forbids even when escaped (C0 controls except tab, newline and carriage
// return; lone surrogates; U+FFFE and U+FFFF): one stray control character in a post would
// otherwise make the whole feed unreadable to a strict parser.
const INVALID_XML_CHARACTERS =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }

/** Text or attribute value, escaped for XML. */
export function escapeXml(value: string): string {
  return value.replace(INVALID_XML_CHARACTERS, '').replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}

/** `<name attr="…">text</name>`, escaped. */
export function xmlElement(name: string, text: string, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
  return `<${name}${attrs}>${escapeXml(text)}</${name}>`
}
