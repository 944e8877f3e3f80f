import { getMDXComponent } from 'next-contentlayer2/hooks'
import type { ComponentPropsWithoutRef } from 'react'
import Link from 'next/link'
import { Callout } from './mdx/callout'
import { CodeBlock } from './mdx/code-block'
import { Figure, MdxImage } from './mdx/figure'

function MdxLink({ href = '', ...props }: ComponentPropsWithoutRef<'a'>) {
  if (href.startsWith('/')) return <Link href={href} {...props} />
  if (href.startsWith('#')) return <a href={href} {...props} />
  return <a href={href} rel="noopener noreferrer" {...props} />
}

/** Wide tables scroll inside their own box instead of widening the page on a phone. */
function MdxTable(props: ComponentPropsWithoutRef<'table'>) {
  return (
    <div className="overflow-x-auto">
      <table {...props} />
    </div>
  )
}

/** Task-list checkboxes are read-only and unlabelled in GFM's output: give them a name. */
function MdxInput(props: ComponentPropsWithoutRef<'input'>) {
  if (props.type !== 'checkbox') return <input {...props} />
  return <input {...props} aria-label={props.checked ? 'Done' : 'To do'} />
}

/** HTML elements Markdown produces, and the components authors may use (documented in CONTRIBUTING.md). */
export const mdxComponents = {
  a: MdxLink,
  table: MdxTable,
  input: MdxInput,
  pre: CodeBlock,
  img: MdxImage,
  Callout,
  Figure,
}

export type MdxContentProps = { code: string }

/** Renders a post body compiled at build time by Contentlayer; a server component, so it ships no JavaScript. */
export function MdxContent({ code }: MdxContentProps) {
  // Called as a function, not mounted as `<Content />`: the compiled body is a plain function
  // without hooks, and a component type created per render is what React's lint rightly forbids.
  return getMDXComponent(code)({ components: mdxComponents })
}
