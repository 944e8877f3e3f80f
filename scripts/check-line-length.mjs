// `npm run lint` (after ESLint and Prettier): no line longer than 120 characters. URLs do not count,
// nor do Markdown table rows and fenced code (quoted as is: commands to copy, a program's output).
// Prettier wraps code at 120 but not strings, comments or prose.
// Usage: node scripts/check-line-length.mjs [file…]   (default: every file git tracks or would track)
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const MAX_LINE_LENGTH = 120

const checkedExtensions = /\.(?:[cm]?[jt]sx?|css|md|ya?ml|json|sh)$|^\.ci\/run$/
// Written by tools, or data whose bytes matter (as in .prettierignore); posts have lint:content.
const ignoredPaths = /^(?:content\/|test\/fixtures\/|package-lock\.json$|app\/code-colors\.css$)/
const url = /\b[a-z][a-z0-9+.-]*:\/\/\S+/gi

/** 1-based numbers and lengths (in code points) of the lines over the limit in one file's text. */
export function findLongLines(path, text) {
  const isMarkdown = /\.mdx?$/.test(path)
  const found = []
  let fence = ''
  text.split('\n').forEach((line, index) => {
    if (isMarkdown) {
      const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1]
      if (marker && (!fence || (marker[0] === fence[0] && marker.length >= fence.length))) {
        fence = fence ? '' : marker
        return
      }
      if (fence || line.trimStart().startsWith('|')) return
    }
    const length = [...line.replace(url, '')].length
    if (length > MAX_LINE_LENGTH) found.push({ line: index + 1, length: [...line].length })
  })
  return found
}

function listFiles() {
  const output = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    encoding: 'utf8',
  })
  return output.split('\0').filter((file) => file && checkedExtensions.test(file) && !ignoredPaths.test(file))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.length > 2 ? process.argv.slice(2) : listFiles()
  let count = 0
  for (const file of files) {
    let text
    try {
      text = readFileSync(file, 'utf8')
    } catch (error) {
      if (error.code === 'ENOENT') continue // deleted in the work tree, still in the index
      throw error
    }
    for (const { line, length } of findLongLines(file, text)) {
      console.log(`${file}:${line}: ${length} characters (at most ${MAX_LINE_LENGTH} outside tables and URLs)`)
      count += 1
    }
  }
  if (count > 0) {
    console.log(`\n${count} line(s) over ${MAX_LINE_LENGTH} characters.`)
    process.exit(1)
  }
}
