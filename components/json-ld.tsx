import { serializeJsonLd } from '@/lib/json-ld'

export type JsonLdProps = { data: unknown }

/**
 * Structured data as the script's text child, not through dangerouslySetInnerHTML: React writes a
 * script's text unescaped (it is not HTML), and serializeJsonLd has already replaced every `<`, so
 * nothing in the data can close the tag.
 */
export function JsonLd({ data }: JsonLdProps) {
  return <script type="application/ld+json">{serializeJsonLd(data)}</script>
}
