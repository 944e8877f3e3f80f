import type { ComponentPropsWithoutRef } from 'react'
import { CopyButton } from './copy-button'

export type CodeBlockProps = ComponentPropsWithoutRef<'pre'> & {
  'data-language'?: string
  /** The highlighted `<code>` as HTML, serialized at build time by lib/mdx/rehype-code-html.ts. */
  codeHtml?: string
}

/**
 * A fenced code block, already highlighted at build time by rehype-pretty-code (its figure holds
 * the optional title). This adds the language label and the copy button, the only client code.
 */
export function CodeBlock({ codeHtml, ...props }: CodeBlockProps) {
  const language = props['data-language']
  return (
    <div data-code-block="" className="relative">
      <div className="absolute top-2 right-2 flex items-center gap-2 text-xs">
        {language && language !== 'plaintext' ? (
          <span className="font-mono text-zinc-600 dark:text-zinc-400">
            <span className="sr-only">Language: </span>
            {language}
          </span>
        ) : null}
        <CopyButton />
      </div>
      {codeHtml === undefined ? (
        <pre {...props} />
      ) : (
        // Build-time HTML from hast-util-to-html with every token escaped, never reader input:
        // one string instead of hundreds of elements to render, send and hydrate per request.
        // eslint-disable-next-line react/no-danger
        <pre {...props} dangerouslySetInnerHTML={{ __html: codeHtml }} />
      )}
    </div>
  )
}
