// `npm run bench:og -- 1000`: what the per-post Open Graph images cost a production build.
// Generates N posts, then runs `npm run build` on a copy of the site twice, with and without
// app/blog/[slug]/opengraph-image.tsx, and prints both build times and the difference per image.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { copyProject, projectRoot } from '../lib/tooling/project-copy.mjs'

const count = Number(process.argv[2] ?? 1000)
if (!Number.isInteger(count) || count < 1) throw new Error('usage: node bench/og-images.mjs <number of posts>')

const workDir = path.join(projectRoot, '.bench-og')
const contentDir = path.join(workDir, 'content')
const siteDir = path.join(workDir, 'site')
const ogFile = 'app/blog/[slug]/opengraph-image.tsx'
const topics = [
  'api',
  'postgresql',
  'kafka',
  'security',
  'performance',
  'caching',
  'cloud',
  'testing',
  'observability',
  'café',
]

function writePosts() {
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(path.join(contentDir, 'posts'), { recursive: true })
  const start = Date.UTC(2020, 0, 1)
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 86_400_000).toISOString().slice(0, 10)
    const tags = [topics[i % topics.length], topics[(i * 7 + 3) % topics.length]]
    const body = Array.from(
      { length: 6 },
      (_, p) =>
        `## Section ${p + 1}\n\nParagraph ${p + 1} of post ${i}: ` +
        'retries, idempotency keys, connection pools and back-pressure, explained with care.\n',
    ).join('\n')
    writeFileSync(
      path.join(contentDir, 'posts', `bench-post-${String(i).padStart(5, '0')}.mdx`),
      `---\ntitle: "Benchmark post ${i}: designing a resilient service"\ndate: ${date}\n` +
        `summary: "Post ${i} of the Open Graph image benchmark."\n` +
        `tags: ${JSON.stringify([...new Set(tags)])}\n---\n\n` +
        `${body}\n\`\`\`ts\nconst attempt = ${i}\n\`\`\`\n`,
    )
  }
}

function build(label, omit) {
  copyProject(siteDir, { omit })
  const started = performance.now()
  const result = spawnSync('npm', ['run', 'build'], {
    cwd: siteDir,
    encoding: 'utf8',
    env: { ...process.env, PWD: siteDir, CONTENT_DIR: contentDir, NEXT_TELEMETRY_DISABLED: '1' },
  })
  const seconds = (performance.now() - started) / 1000
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    throw new Error(`${label}: build failed`)
  }
  const blogDir = path.join(siteDir, '.next/server/app/blog')
  const images = readdirSync(blogDir, { recursive: true }).filter((file) =>
    String(file).endsWith('opengraph-image.body'),
  ).length
  console.log(`${label.padEnd(24)} ${seconds.toFixed(1).padStart(7)} s   ${images} Open Graph images prerendered`)
  return seconds
}

writePosts()
console.log(`${count} posts`)
const without = build('without OG images', [ogFile])
const withImages = build('with OG images', [])
const extra = withImages - without
console.log(
  `difference               ${extra.toFixed(1).padStart(7)} s   ≈ ${((extra * 1000) / count).toFixed(0)} ms per image`,
)
rmSync(workDir, { recursive: true, force: true })
