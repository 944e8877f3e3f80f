// `npm run check:vercel`: builds the site as Vercel does (`vercel build`, offline, in a throwaway copy)
// and checks that every post page is a plain prerendered file. A page whose prerender carries a
// postponed state (`application/x-nextjs-pre-render; state-length=…`) is a static shell that Vercel
// resumes in a function on every view: the comments were a request-time hole again.
// The CLI comes from the registry (`npx vercel@50`: its 50.x line still builds without logging in).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { copyProject, createTempWorkspace, linkNodeModules, projectRoot } from '../lib/tooling/project-copy.mjs'

const contentDir = path.join(projectRoot, process.env.CONTENT_DIR ?? 'content')

const workspace = createTempWorkspace()
let failures = []
try {
  copyProject(workspace)
  linkNodeModules(workspace)
  // What `vercel link` would write; `vercel build` needs nothing else.
  mkdirSync(path.join(workspace, '.vercel'))
  const settings = {
    framework: 'nextjs',
    buildCommand: 'npm run build',
    installCommand: 'true',
    outputDirectory: null,
    nodeVersion: '20.x',
  }
  writeFileSync(
    path.join(workspace, '.vercel/project.json'),
    JSON.stringify({ projectId: 'prj_offline', orgId: 'team_offline', settings }),
  )
  process.stderr.write(`vercel build in ${workspace}…\n`)
  const build = spawnSync('npx', ['--yes', 'vercel@50', 'build', '--yes'], {
    cwd: workspace,
    // Contentlayer takes its working directory from PWD.
    env: {
      ...process.env,
      PWD: workspace,
      CONTENT_DIR: contentDir,
      NEXT_TELEMETRY_DISABLED: '1',
      VERCEL_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (build.status !== 0) throw new Error(`vercel build failed (exit ${build.status ?? build.signal})`)

  const functions = path.join(workspace, '.vercel/output/functions/blog')
  const configs = readdirSync(functions).filter(
    (name) => name.endsWith('.prerender-config.json') && !name.startsWith('[') && !name.includes('.rsc.'),
  )
  if (configs.length === 0) throw new Error(`no prerendered post in ${functions}`)
  for (const name of configs) {
    const config = JSON.parse(readFileSync(path.join(functions, name), 'utf8'))
    const contentType = String(config.fallback?.contentType ?? '')
    const slug = name.replace(/\.prerender-config\.json$/, '')
    if (!config.fallback || !existsSync(path.join(functions, config.fallback.fsPath)))
      failures.push(`${slug}: no prerendered HTML`)
    else if (/x-nextjs-pre-render|state-length/.test(contentType))
      failures.push(`${slug}: a postponed state (${contentType}): every view resumes in a function`)
    else
      console.log(`/blog/${slug}: a static file (${contentType}), refreshed after ${config.expiration} s, then by tag`)
  }
} catch (error) {
  failures = [error instanceof Error ? error.message : String(error)]
} finally {
  rmSync(workspace, { recursive: true, force: true })
}
if (failures.length > 0) {
  console.error(failures.join('\n'))
  process.exit(1)
}
