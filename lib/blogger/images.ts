import path from 'node:path'
import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { classNames, element, listElements, replaceNode, stringProperty, toWebUrl, type Finding } from './hast-tools'

/** The custom element that becomes a `<Figure>` (an image with its caption; see html-to-mdx.ts). */
export const FIGURE_TAG = 'blogger-figure'

/** Finds an image file of the export by the file name in its Blogger address; undefined if absent. */
export type FindImage = (fileName: string) => string | undefined
export type ImageCopy = { from: string; to: string }

const IMAGE_EXTENSIONS = new Set(['.png', '.jpg', '.jpeg', '.gif', '.webp', '.avif', '.svg'])
const BLOGGER_IMAGE_HOSTS = ['blogger.googleusercontent.com', '.bp.blogspot.com', 'lh3.googleusercontent.com']

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? ''
  try {
    return decodeURIComponent(last)
  } catch {
    return last
  }
}

const isBloggerImageUrl = (url: string) => {
  const host = new URL(url).hostname
  return BLOGGER_IMAGE_HOSTS.some((suffix) => host === suffix || host.endsWith(suffix))
}

/** `Request flow (v2).PNG` → `request-flow-v2.png`: a file name that needs no escaping in a URL. */
function toSafeFileName(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase()
  const stem = path
    .basename(fileName, path.extname(fileName))
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
  return `${stem || 'image'}${extension}`
}

/** `request-flow_v2.png` → `request flow v2`: the last resort for alt text, reported so the author improves it. */
const altFromFileName = (fileName: string) =>
  path
    .basename(fileName, path.extname(fileName))
    .replace(/[-_+.]+/g, ' ')
    .trim() || 'Image'

type ImageContext = {
  slug: string
  findImage: FindImage
  copies: ImageCopy[]
  findings: Finding[]
  usedNames: Map<string, string>
}

/** The image as this site can show it: a copied file with alt text, or a link to where it still is. */
function resolveImage(urls: string[], alt: string | undefined, title: string | undefined, context: ImageContext) {
  const primary = urls[0] ?? ''
  const fileName = fileNameOf(primary)
  const altText = alt ?? title ?? altFromFileName(fileName)
  const altSource = alt
    ? ''
    : title
      ? ' (alt text from its title)'
      : ' (alt text from its file name: describe the image instead)'
  const local = urls.map((url) => context.findImage(fileNameOf(url))).find((file) => file !== undefined)
  if (local && IMAGE_EXTENSIONS.has(path.extname(local).toLowerCase())) {
    let name = toSafeFileName(path.basename(local))
    // Two different files of one post that clean up to the same name get -2, -3…
    for (let n = 2; context.usedNames.has(name) && context.usedNames.get(name) !== local; n++) {
      name = toSafeFileName(`${path.basename(local, path.extname(local))}-${n}${path.extname(local)}`)
    }
    context.usedNames.set(name, local)
    const src = `/images/${context.slug}/${name}`
    if (!context.copies.some((copy) => copy.to === src)) context.copies.push({ from: local, to: src })
    context.findings.push({ kind: 'image', message: `image ${fileName} copied to public${src}${altSource}` })
    return { src, alt: altText }
  }
  context.findings.push({
    kind: 'image',
    message: `image ${fileName || primary} is not in the export: kept as a link to ${primary}${altSource}`,
  })
  return { href: primary, alt: altText }
}

function imageElement(image: { src: string; alt: string } | { href: string; alt: string }): Element {
  if ('src' in image) return element('img', { src: image.src, alt: image.alt })
  return element('a', { href: image.href }, [{ type: 'text', value: `Image: ${image.alt}` }])
}

/** The image of an `<a href="full size"><img src="thumbnail"></a>` wrapper, Blogger's way of inserting one. */
function wrappedImage(link: Element): Element | undefined {
  const elements = link.children.filter((child): child is Element => child.type === 'element')
  const only = elements[0]
  if (
    elements.length !== 1 ||
    only?.tagName !== 'img' ||
    link.children.some((child) => child.type === 'text' && child.value.trim() !== '')
  )
    return undefined
  const href = toWebUrl(stringProperty(link, 'href'))
  const src = toWebUrl(stringProperty(only, 'src'))
  if (!href || !src) return undefined
  return isBloggerImageUrl(href) || fileNameOf(href) === fileNameOf(src) ? only : undefined
}

function convert(img: Element, link: Element | undefined, context: ImageContext, caption?: string): ElementContent[] {
  const src = toWebUrl(stringProperty(img, 'src'))
  const href = link ? toWebUrl(stringProperty(link, 'href')) : undefined
  // replaceUnconvertible() has already turned images without a web address into notes.
  if (!src) return [img]
  const image = resolveImage(
    href ? [href, src] : [src],
    stringProperty(img, 'alt') ?? caption,
    stringProperty(img, 'title'),
    context,
  )
  if (caption && 'src' in image) return [element(FIGURE_TAG, { src: image.src, alt: image.alt, caption })]
  const converted = imageElement(image)
  if (!caption || caption === image.alt) return [converted]
  return [element('p', {}, [converted, { type: 'text', value: ` (${caption})` }])]
}

/**
 * Copies each image found beside the export into `public/images/<slug>/` and points the post at
 * it; any other image becomes a link to its old address (the site serves no remote images).
 * Blogger's caption tables (`table.tr-caption-container`) become a `<Figure>` with its caption.
 */
export function rewriteImages(tree: Root, options: { slug: string; findImage: FindImage }) {
  const context: ImageContext = { ...options, copies: [], findings: [], usedNames: new Map() }
  const done = new Set<Element>()
  for (const { node, ancestors } of listElements(tree)) {
    const parent = ancestors[ancestors.length - 1]
    if (!parent || done.has(node)) continue
    if (node.tagName === 'table' && classNames(node).includes('tr-caption-container')) {
      const cells = listElements({ type: 'root', children: node.children })
      const img = cells.find(({ node: cell }) => cell.tagName === 'img')?.node
      const captionCell = cells.find(({ node: cell }) => classNames(cell).includes('tr-caption'))?.node
      if (!img) continue
      const link = cells.find(({ node: cell }) => cell.tagName === 'a' && wrappedImage(cell) === img)?.node
      const caption = captionCell ? toString(captionCell).replace(/\s+/g, ' ').trim() : ''
      for (const { node: inner } of cells) done.add(inner)
      replaceNode(parent, node, convert(img, link, context, caption || undefined))
    } else if (node.tagName === 'a' && wrappedImage(node)) {
      const img = wrappedImage(node)
      if (img) done.add(img)
      if (img) replaceNode(parent, node, convert(img, node, context))
    } else if (node.tagName === 'img') {
      replaceNode(parent, node, convert(node, undefined, context))
    }
  }
  return { copies: context.copies, findings: context.findings }
}
