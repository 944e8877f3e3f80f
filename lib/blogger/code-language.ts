import { bundledLanguages } from 'shiki/langs'

export type CodeLanguage = { lang: string; source: 'class' | 'content' | 'none'; hint?: string }

// SyntaxHighlighter's brush names (`<pre class="brush: jscript">`, common on Blogger) that are not
// also a Shiki language or alias.
const brushAliases: Record<string, string> = {
  jscript: 'js',
  plain: 'text',
  xhtml: 'html',
  xslt: 'xml',
  delphi: 'pascal',
  golang: 'go',
}

function toKnownLanguage(hint: string): string | undefined {
  const name = hint.toLowerCase()
  const alias = Object.hasOwn(brushAliases, name) ? brushAliases[name] : undefined
  if (alias) return alias
  if (name === 'text' || name === 'txt' || name === 'plaintext') return 'text'
  return Object.hasOwn(bundledLanguages, name) ? name : undefined
}

/**
 * The language named in the class attributes of a `<pre>` and its `<code>`: `language-x` (Prism,
 * highlight.js), `lang-x` (google-code-prettify), `brush: x;` (SyntaxHighlighter).
 */
function findClassHint(classNames: readonly string[]): string | undefined {
  for (const [index, name] of classNames.entries()) {
    for (const prefix of ['language-', 'lang-'])
      if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length)
    if (name === 'brush:' && classNames[index + 1]) return classNames[index + 1]?.replace(/;$/, '')
    if (name.startsWith('brush:') && name.length > 'brush:'.length) return name.slice('brush:'.length).replace(/;$/, '')
  }
  return undefined
}

const SQL_START = /^(select|insert|update|delete|create|alter|drop|with|begin|explain)\b/i
const HTTP_START = /^((GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) \S+ HTTP\/\d(\.\d)?|HTTP\/\d(\.\d)? \d{3})/

/**
 * Deliberately few, unambiguous signs, checked in this order: a shebang, shell prompts on every
 * line, XML/HTML, JSON that parses, an SQL keyword or an HTTP request/status line first. Anything
 * else is `text`, which highlights nothing rather than something wrongly.
 */
function sniffLanguage(code: string): string | undefined {
  const text = code.trim()
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  const firstLine = lines[0] ?? ''
  if (firstLine.startsWith('#!')) {
    if (/\b(ba|z)?sh\b/.test(firstLine)) return 'bash'
    if (firstLine.includes('python')) return 'python'
    if (firstLine.includes('node')) return 'js'
  }
  if (lines.length > 0 && lines.every((line) => /^\s*\$ /.test(line))) return 'bash'
  if (text.startsWith('<?xml')) return 'xml'
  if (/^<(!doctype html|html|head|body|div|p|span|a|ul|table|script|style)\b/i.test(text)) return 'html'
  if (/^[[{]/.test(text)) {
    try {
      JSON.parse(text)
      return 'json'
    } catch {
      // Not JSON: fall through to the other signs.
    }
  }
  if (SQL_START.test(firstLine)) return 'sql'
  if (HTTP_START.test(firstLine)) return 'http'
  return undefined
}

/** The fence language for a `<pre>` block: from its classes, else guessed from the code, else `text`. */
export function inferCodeLanguage(classNames: readonly string[], code: string): CodeLanguage {
  const hint = findClassHint(classNames)
  if (hint) {
    const lang = toKnownLanguage(hint)
    if (lang) return { lang, source: 'class', hint }
  }
  const sniffed = sniffLanguage(code)
  if (sniffed) return { lang: sniffed, source: 'content', ...(hint ? { hint } : {}) }
  return { lang: 'text', source: 'none', ...(hint ? { hint } : {}) }
}
