import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Root } from 'hast'
import { imageSize } from 'image-size'
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'

/** Where `/images/x.png` lives on disk: Next.js serves public/ at the site root. */
export function publicFilePath(src: string, root = process.cwd()): string {
  return path.join(root, 'public', decodeURIComponent(src.split(/[?#]/)[0] ?? ''))
}

/** Width and height of a local image, read from the file; throws a message that names the file. */
export function readImageSize(src: string, root?: string): { width: number; height: number } {
  const file = publicFilePath(src, root)
  let size: ReturnType<typeof imageSize>
  try {
    size = imageSize(readFileSync(file))
  } catch (error) {
    throw new Error(`Image ${src} cannot be read (expected ${path.relative(process.cwd(), file)}): ${String(error)}`)
  }
  return { width: size.width, height: size.height }
}

/**
 * next/image needs every image's size to reserve its space (no layout shift). Authors should not
 * have to type it: this reads it from the file in public/ at build time and adds it to Markdown
 * images and to `<Figure>` when they do not give one.
 */
export function rehypeImageSize() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'img') {
        const src = node.properties.src
        if (typeof src === 'string' && src.startsWith('/') && node.properties.width === undefined) {
          Object.assign(node.properties, readImageSize(src))
        }
      } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
        const attributes = node.attributes.filter(
          (attribute): attribute is MdxJsxAttribute => attribute.type === 'mdxJsxAttribute',
        )
        const src = attributes.find((attribute) => attribute.name === 'src')?.value
        const hasSize = attributes.some((attribute) => attribute.name === 'width' || attribute.name === 'height')
        if (typeof src === 'string' && src.startsWith('/') && !hasSize) {
          const { width, height } = readImageSize(src)
          node.attributes.push(
            { type: 'mdxJsxAttribute', name: 'width', value: String(width) },
            { type: 'mdxJsxAttribute', name: 'height', value: String(height) },
          )
        }
      }
    })
  }
}
