import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { capitalize, countWords, createRandom, headline, sentence } from './prose.mjs'

const TARGET_WORDS = 1500
const HEADINGS_PER_POST = 5
const DAY_MS = 24 * 60 * 60 * 1000
// "café" and "résumé" make sure non-ASCII tags go through the whole pipeline.
const tagPool = ['api', 'databases', 'performance', 'security', 'kafka', 'cloud', 'observability', 'café', 'résumé']
const codeLanguages = ['ts', 'sql', 'bash', 'json', 'go', 'python']

/**
 * Writes `count` posts to `postsDir` and returns their average word count. Post `i` depends only on
 * `i`, so the first 100 posts of a 1000-post run are the posts of a 100-post run.
 */
export function writeSyntheticPosts(postsDir, count, today = new Date()) {
  const slugs = []
  let totalWords = 0
  for (let index = 0; index < count; index++) {
    const post = createPost(index, slugs, today)
    writeFileSync(join(postsDir, `${post.slug}.mdx`), post.source)
    slugs.push(post.slug)
    totalWords += post.words
  }
  return { averageWords: count ? totalWords / count : 0 }
}

function createPost(index, earlierSlugs, today) {
  const random = createRandom(0x5eed + index * 7919)
  const title = headline(random)
  const slug = `bench-${String(index + 1).padStart(4, '0')}-${slugify(title)}`
  const body = createBody(random, earlierSlugs)
  const frontmatter = [
    '---',
    `title: ${JSON.stringify(title)}`,
    `date: ${pastDate(random, today)}`,
    `summary: ${JSON.stringify(plainSentence(random))}`,
    `tags: ${JSON.stringify(pickTags(random))}`,
    'draft: false',
    '---',
  ].join('\n')
  return { slug, source: `${frontmatter}\n\n${body}\n`, words: countWords(body) }
}

function createBody(random, earlierSlugs) {
  const levels = headingLevels(random)
  const codeSection = random.int(0, HEADINGS_PER_POST - 1)
  const wordsPerSection = (TARGET_WORDS + random.int(-100, 100)) / HEADINGS_PER_POST
  const sections = levels.map((level, section) => {
    const heading = `${'#'.repeat(level)} ${capitalize(headline(random))}`
    const code = section === codeSection ? codeBlock(random) : undefined
    const blocks = []
    let words = countWords(heading) + (code ? countWords(code) : 0)
    while (words < wordsPerSection) {
      const block = random.chance(0.12) ? bulletList(random) : paragraph(random, wordsPerSection - words)
      words += countWords(block)
      blocks.push(block)
    }
    if (code) blocks.splice(1, 0, code)
    return [heading, ...blocks].join('\n\n')
  })
  if (earlierSlugs.length > 0) sections.push(`Related reading: [an earlier post](/blog/${random.pick(earlierSlugs)}).`)
  return sections.join('\n\n')
}

/** Five headings, h2 first, with at least one h3 so the nested table of contents is exercised. */
function headingLevels(random) {
  const levels = [2, ...Array.from({ length: HEADINGS_PER_POST - 1 }, () => (random.chance(0.5) ? 2 : 3))]
  if (!levels.includes(3)) levels[1] = 3
  return levels
}

/** Three to six sentences, fewer when the section is nearly full, so posts land close to the target length. */
function paragraph(random, wordBudget) {
  const sentences = []
  let words = 0
  for (let length = random.int(3, 6); sentences.length < length && words < wordBudget;) {
    const next = sentence(random)
    sentences.push(next)
    words += countWords(next)
  }
  return sentences.join(' ')
}

function bulletList(random) {
  return Array.from({ length: random.int(3, 5) }, () => `- ${sentence(random)}`).join('\n')
}

function codeBlock(random) {
  const language = random.pick(codeLanguages)
  const name = `${random.pick(['load', 'save', 'sync', 'check'])}${random.int(1, 99)}`
  const lines = {
    ts: [
      `export async function ${name}(id: string): Promise<Record<string, number>> {`,
      `  const rows = await db.query('select * from t where id = $1', [id])`,
      '  return Object.fromEntries(rows.map((row) => [row.key, row.value]))',
      '}',
    ],
    sql: [
      `create index ${name}_idx on orders (tenant_id, created_at desc);`,
      `select id, total from orders where tenant_id = $1 and total > ${random.int(10, 999)} limit 50;`,
    ],
    bash: [
      `#!/usr/bin/env bash`,
      'set -euo pipefail',
      `for i in $(seq 1 ${random.int(2, 9)}); do curl -fsS "http://localhost:3000/${name}?page=$i"; done`,
    ],
    json: [
      '{',
      `  "name": "${name}",`,
      `  "retries": ${random.int(1, 9)},`,
      '  "backoff": { "initialMs": 100, "max": 5000 }',
      '}',
    ],
    go: [
      `func ${name}(ctx context.Context, id string) error {`,
      '\tif id == "" {',
      '\t\treturn errors.New("missing id")',
      '\t}',
      '\treturn store.Touch(ctx, id)',
      '}',
    ],
    python: [
      `def ${name}(items: list[dict]) -> dict:`,
      '    return {item["id"]: item for item in items if item.get("active")}',
    ],
  }[language]
  return ['```' + language, ...lines, '```'].join('\n')
}

/** A date 1 to 1095 days before `today`: never in the future, whatever the time zone. */
function pastDate(random, today) {
  return new Date(today.getTime() - random.int(1, 1095) * DAY_MS).toISOString().slice(0, 10)
}

/** The summary ends up in meta tags as is, so it gets none of the inline code or bold marks. */
function plainSentence(random) {
  return sentence(random).replace(/[`*]/g, '')
}

function pickTags(random) {
  const tags = new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(tagPool)))
  return [...tags]
}

function slugify(title) {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}
