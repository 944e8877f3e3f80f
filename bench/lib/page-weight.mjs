import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'

const gzipBytes = (data) => gzipSync(data, { level: 9 }).length

/** Every prerendered `.html` file under `.next/server/app`, as paths relative to it. */
export function listPrerenderedPages(distDir) {
  const appDir = join(distDir, 'server', 'app')
  return readdirSync(appDir, { recursive: true })
    .filter((file) => file.endsWith('.html'))
    .map((file) => relative(appDir, join(appDir, file)))
    .sort()
}

function parseAttributes(source) {
  const attributes = new Map()
  for (const [, name, ...values] of source.matchAll(/([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes.set(name.toLowerCase(), values.find((value) => value !== undefined) ?? '')
  }
  return attributes
}

/** `/_next/static/chunks/a.js?dpl=x` → `<distDir>/static/chunks/a.js`; anything else (CDN, data:) is skipped. */
function toDistPath(distDir, url) {
  const path = url.replaceAll('&amp;', '&').split(/[?#]/)[0]
  return path.startsWith('/_next/') ? join(distDir, path.slice('/_next/'.length)) : undefined
}

function isJavaScriptType(type) {
  return type === undefined || ['', 'module', 'text/javascript', 'application/javascript'].includes(type)
}

/**
 * The JavaScript one prerendered page makes a browser load: `<script src>`, `<link rel=preload|modulepreload
 * as=script>` and the chunks Turbopack's bootstrap and the RSC payload name inside inline scripts (each file
 * counted once). `noModule` polyfills are reported apart: modern browsers skip them. Inline scripts are
 * gzipped together, as they would be inside the gzipped HTML response.
 */
function collectScripts(distDir, htmlFile) {
  const html = readFileSync(htmlFile, 'utf8')
  const moduleFiles = new Set()
  const noModuleFiles = new Set()
  const inlineScripts = []

  for (const [, attributeSource, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = parseAttributes(attributeSource)
    if (!isJavaScriptType(attributes.get('type'))) continue
    const file = attributes.has('src') ? toDistPath(distDir, attributes.get('src')) : undefined
    if (file) (attributes.has('nomodule') ? noModuleFiles : moduleFiles).add(file)
    if (!attributes.has('src')) inlineScripts.push(body)
  }
  for (const [, attributeSource] of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attributes = parseAttributes(attributeSource)
    const rel = attributes.get('rel')
    const isScriptPreload = rel === 'modulepreload' || (rel === 'preload' && attributes.get('as') === 'script')
    const file = isScriptPreload ? toDistPath(distDir, attributes.get('href') ?? '') : undefined
    if (file) moduleFiles.add(file)
  }
  for (const [chunk] of inlineScripts.join('\n').matchAll(/static\/chunks\/[\w.~-]+\.js/g)) {
    moduleFiles.add(join(distDir, chunk))
  }
  for (const file of noModuleFiles) moduleFiles.delete(file)
  return { moduleFiles, noModuleFiles }
}

const sumGzip = (files) => [...files].reduce((sum, file) => sum + gzipBytes(readFileSync(file)), 0)

export function measurePageScripts(distDir, htmlFile) {
  const { moduleFiles, noModuleFiles } = collectScripts(distDir, htmlFile)
  return {
    js: { files: moduleFiles.size, gzipBytes: sumGzip(moduleFiles) },
    noModule: { files: noModuleFiles.size, gzipBytes: sumGzip(noModuleFiles) },
  }
}

/** The scripts a page loads beyond those of a baseline page (the runtime and layout every page shares). */
export function measureOwnScripts(distDir, htmlFile, baselineHtmlFile) {
  const shared = collectScripts(distDir, baselineHtmlFile).moduleFiles
  const own = [...collectScripts(distDir, htmlFile).moduleFiles].filter((file) => !shared.has(file))
  return { files: own.length, gzipBytes: sumGzip(own) }
}
