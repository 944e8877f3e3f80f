import type { Element, Parents, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { describeTag, element, listElements, replaceNode, stringProperty, toWebUrl, type Finding } from './hast-tools'

/** The custom element that becomes a `<Callout>` for the author (see html-to-mdx.ts). */
export const NOTE_TAG = 'blogger-note'

const unsupported: Record<string, string> = {
  iframe: 'an embedded page (iframe)',
  script: 'a script',
  object: 'an embedded object',
  embed: 'an embedded object',
  video: 'a video',
  audio: 'an audio player',
  form: 'a form',
  input: 'a form field',
  select: 'a form field',
  textarea: 'a form field',
  button: 'a button',
  canvas: 'a canvas drawing',
  svg: 'an inline SVG drawing',
  math: 'a formula (MathML)',
  style: 'a style sheet',
}

// Elements that may hold only phrasing content: a note (a block) must go after them, not inside.
const phrasing = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 a span em strong b i u s strike font small big sup sub code label q cite abbr mark ' +
    'del ins tt kbd var dfn bdi bdo'
  ).split(' '),
)
// What a Markdown table cell cannot hold.
const blockInCell = new Set('ul ol dl table pre blockquote h1 h2 h3 h4 h5 h6 hr'.split(' '))

const MAX_ORIGINAL = 2000

function describe(node: Element): { description: string; link: string | undefined } {
  if (node.tagName === 'table') return { description: 'a table with merged cells or block content', link: undefined }
  if (node.tagName === 'img')
    return { description: 'an image stored in the page itself (no web address)', link: undefined }
  const source = stringProperty(node, 'src') ?? stringProperty(node, 'data')
  const link = toWebUrl(source)
  const host = link ? new URL(link).hostname : ''
  if (host.endsWith('youtube.com') || host.endsWith('youtube-nocookie.com')) {
    const id = new URL(link ?? '').pathname.split('/embed/')[1]
    return { description: 'an embedded YouTube video', link: id ? `https://www.youtube.com/watch?v=${id}` : link }
  }
  if (host.endsWith('vimeo.com')) return { description: 'an embedded Vimeo video', link }
  if (host === 'www.blogger.com' && node.tagName === 'iframe')
    return { description: 'a video uploaded to Blogger', link }
  return { description: unsupported[node.tagName] ?? `a <${node.tagName}> element`, link }
}

/** Markdown has no equivalent; an image counts when it has no web address (`data:` URIs). */
const isUnsupported = (node: Element) =>
  Object.hasOwn(unsupported, node.tagName) || (node.tagName === 'img' && !toWebUrl(stringProperty(node, 'src')))

function isUnmappableTable(table: Element): boolean {
  return listElements({ type: 'root', children: table.children }).some(({ node }) => {
    if (node.tagName === 'td' || node.tagName === 'th') {
      const span = (name: string) => Number(node.properties[name] ?? 1)
      if (span('colSpan') > 1 || span('rowSpan') > 1) return true
    }
    return blockInCell.has(node.tagName) || isUnsupported(node)
  })
}

function toNote(node: Element): Element {
  const { description, link } = describe(node)
  const html = toHtml(node)
  const original =
    html.length > MAX_ORIGINAL
      ? `${html.slice(0, MAX_ORIGINAL)}\n… (${html.length - MAX_ORIGINAL} more characters)`
      : html
  return element(NOTE_TAG, { description, original, ...(link ? { link } : {}) })
}

/**
 * Replaces what Markdown cannot express (embeds, scripts, forms, tables it cannot map) with a
 * note element that keeps the original HTML, so nothing is dropped silently. A note inside a
 * paragraph (an iframe in a `<p>`) moves to just after that paragraph.
 */
export function replaceUnconvertible(tree: Root): Finding[] {
  const findings: Finding[] = []
  const replaced = new Set<Element>()
  const insertedAfter = new Map<Element, number>()
  for (const { node, ancestors } of listElements(tree)) {
    if (ancestors.some((ancestor) => ancestor.type === 'element' && replaced.has(ancestor))) continue
    const isTable = node.tagName === 'table'
    if (!(isTable ? isUnmappableTable(node) : isUnsupported(node))) continue
    replaced.add(node)
    const note = toNote(node)
    findings.push({
      kind: 'not-converted',
      message: `not converted: ${describeTag(node)} (${describe(node).description}), kept as a note for the author`,
    })

    let level = ancestors.length - 1
    let after: Element = node
    while (level > 0 && isPhrasingElement(ancestors[level])) {
      const ancestor = ancestors[level]
      if (ancestor?.type === 'element') after = ancestor
      level--
    }
    const container = ancestors[level]
    const parent = ancestors[ancestors.length - 1]
    if (!container || !parent) continue
    if (after === node) {
      replaceNode(parent, node, [note])
    } else {
      replaceNode(parent, node, [])
      const count = insertedAfter.get(after) ?? 0
      insertedAfter.set(after, count + 1)
      container.children.splice(container.children.indexOf(after) + 1 + count, 0, note)
    }
  }
  return findings
}

function isPhrasingElement(node: Parents | undefined): boolean {
  return node?.type === 'element' && phrasing.has(node.tagName)
}
