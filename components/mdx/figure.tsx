import { getImageProps } from 'next/image'
import { z } from 'zod'

// Width and height are added at build time from the file (lib/mdx/rehype-image-size.ts) and
// arrive as strings; alt text is required and may not be blank.
const figurePropsSchema = z.object({
  src: z.string().startsWith('/', 'must be a file in public/, starting with "/"'),
  alt: z.string({ error: 'alt text is required' }).trim().min(1, 'alt text is required'),
  caption: z.string().trim().min(1).optional(),
  width: z.coerce.number().int().positive(),
  height: z.coerce.number().int().positive(),
})

/** What an author writes; the size is optional because the build adds it from the file. */
export type FigureProps = Omit<z.input<typeof figurePropsSchema>, 'width' | 'height'> & {
  width?: number | string
  height?: number | string
}

// The article column is at most 48rem wide.
const SIZES = '(min-width: 48rem) 48rem, 100vw'

/**
 * `<Figure src="/images/x.png" alt="…" caption="…" />`: an image with its caption. next/image's
 * `getImageProps` gives the optimised `srcSet` and lazy loading as a plain <img>: the <Image>
 * component is a client component and would add its JavaScript to every post page.
 */
export function Figure(props: FigureProps) {
  const { caption, ...image } = parseImageProps(figurePropsSchema, props, 'Figure')
  const { props: imgProps } = getImageProps({ ...image, sizes: SIZES })
  return (
    <figure className="my-8">
      {/* eslint-disable-next-line jsx-a11y/alt-text, @next/next/no-img-element -- alt is in imgProps; see above */}
      <img {...imgProps} className="mx-auto h-auto max-w-full rounded-lg" />
      {caption ? (
        <figcaption className="mt-2 text-center text-sm text-zinc-600 dark:text-zinc-400">{caption}</figcaption>
      ) : null}
    </figure>
  )
}

const imagePropsSchema = figurePropsSchema.omit({ caption: true })

export type MdxImageProps = { src?: unknown; alt?: unknown; width?: unknown; height?: unknown }

/** A Markdown image, `![alt](/images/x.png)`: the same rules as `<Figure>`, without a caption. */
export function MdxImage(props: MdxImageProps) {
  const { props: imgProps } = getImageProps({
    ...parseImageProps(imagePropsSchema, props, 'Markdown image'),
    sizes: SIZES,
  })
  // eslint-disable-next-line jsx-a11y/alt-text, @next/next/no-img-element -- as in Figure
  return <img {...imgProps} className="h-auto max-w-full rounded-lg" />
}

/** Fails the build (posts are prerendered) with what is wrong and which image it is. */
function parseImageProps<S extends z.ZodType>(schema: S, props: object, what: string): z.output<S> {
  const parsed = schema.safeParse(props)
  if (parsed.success) return parsed.data
  const src = 'src' in props && typeof props.src === 'string' ? props.src : '(no src)'
  throw new Error(`${what} ${src}: ${z.prettifyError(parsed.error)}`)
}
