import type { Element, ElementContent, Parents, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'

export type Finding = {
  kind: 'not-converted' | 'image' | 'code' | 'headings' | 'link' | 'front-matter'
  message: string
}

/** Every element in document order with its ancestors (the root first). Collect, then change the tree. */
export function listElements(tree: Root): Array<{ node: Element; ancestors: Parents[] }> {
  const found: Array<{ node: Element; ancestors: Parents[] }> = []
  const walk = (parent: Parents, ancestors: Parents[]) => {
    for (const child of parent.children) {
      if (child.type !== 'element') continue
      found.push({ node: child, ancestors: [...ancestors, parent] })
      walk(child, [...ancestors, parent])
    }
  }
  walk(tree, [])
  return found
}

export function replaceNode(parent: Parents, node: Element, replacement: ElementContent[]) {
  const index = parent.children.indexOf(node)
  if (index !== -1) parent.children.splice(index, 1, ...replacement)
}

export function classNames(node: Element): string[] {
  const value = node.properties.className
  return Array.isArray(value) ? value.map(String) : []
}

export function stringProperty(node: Element, name: string): string | undefined {
  const value = node.properties[name]
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** The element's opening tag, shortened: how the report names it. */
export function describeTag(node: Element): string {
  const tag = toHtml({ ...node, children: [] })
  const open = tag.slice(0, tag.length - `</${node.tagName}>`.length)
  return open.length > 120 ? `${open.slice(0, 119)}…>` : open
}

/** An `http(s):` address from an attribute (`//host/x` is taken as https), else undefined. */
export function toWebUrl(value: string | undefined): string | undefined {
  if (!value) return undefined
  const absolute = value.startsWith('//') ? `https:${value}` : value
  if (!URL.canParse(absolute)) return undefined
  const url = new URL(absolute)
  return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
}

export const element = (
  tagName: string,
  properties: Element['properties'],
  children: ElementContent[] = [],
): Element => ({
  type: 'element',
  tagName,
  properties,
  children,
})
