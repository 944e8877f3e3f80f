// `npm run new-post -- "Title" [--slug my-slug]`: creates content/posts/<slug>.mdx as a draft with
// valid front matter, and never overwrites a file. CONTENT_DIR points it elsewhere (tests).
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { slug as githubSlug } from 'github-slugger'

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function fail(message) {
  console.error(`new-post: ${message}`)
  process.exit(1)
}

/** ASCII file names travel well (git on every OS, shells, URLs): accents are dropped, not kept. */
function slugFromTitle(title) {
  const ascii = title.normalize('NFKD').replace(/\p{M}/gu, '')
  return githubSlug(ascii)
    .replace(/[^a-z0-9-]/g, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
}

/** The author's calendar day. */
function today() {
  const now = new Date()
  const pad = (n) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

let values, positionals
try {
  ;({ values, positionals } = parseArgs({ options: { slug: { type: 'string' } }, allowPositionals: true }))
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
}
const title = positionals.join(' ').replace(/\s+/g, ' ').trim()
if (!title) fail('give the post a title: npm run new-post -- "Designing idempotent APIs"')

const slug = values.slug ?? slugFromTitle(title)
if (!SLUG.test(slug)) {
  fail(
    values.slug
      ? `"${slug}" is not a valid slug: use lower-case letters, digits and single hyphens.`
      : `cannot make a file name from "${title}": pass one with --slug my-post-slug.`,
  )
}

const postsDir = path.join(process.env.CONTENT_DIR ?? 'content', 'posts')
const file = path.join(postsDir, `${slug}.mdx`)
// JSON strings are valid YAML double-quoted strings: quotes, colons and backslashes stay intact.
const source = `---
title: ${JSON.stringify(title)}
date: ${today()}
summary: "TODO: one or two sentences for the post list, the feeds and the meta description."
tags: []
draft: true
---

## Introduction

Start writing here. The post is a draft: \`npm run dev\` shows it, production builds leave it out
until you set \`draft: false\`.
`

mkdirSync(postsDir, { recursive: true })
try {
  writeFileSync(file, source, { flag: 'wx' })
} catch (error) {
  if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
    fail(`${file} already exists; nothing was written. Choose another title or pass --slug.`)
  }
  throw error
}
console.log(file)
