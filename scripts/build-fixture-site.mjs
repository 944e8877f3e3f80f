// Builds the site a second time, from the fixture posts in test/fixtures/content/site, into
// .e2e-fixture-site/ for the end-to-end tests in e2e/*.fixture.spec.ts (see playwright.config.ts).
// The real posts are too few for a second list page and have no non-ASCII tag or series, and the
// fixtures must never be mixed into the real site, so they get a production build of their own.
// The Blogger fixture is imported into it too (e2e/blogger.fixture.spec.ts): its posts, images
// and redirect map here, its comments by playwright.config.ts into the server's fresh database.
import { spawnSync } from 'node:child_process'
import { cpSync } from 'node:fs'
import path from 'node:path'
import { copyProject, projectRoot } from '../lib/tooling/project-copy.mjs'

const outDir = path.join(projectRoot, '.e2e-fixture-site')
const contentDir = path.join(outDir, 'content')
copyProject(outDir)
cpSync(path.join(projectRoot, 'test/fixtures/content/site'), contentDir, { recursive: true })

// playwright.config.ts runs the same import again, with the comments, once the database is fresh.
const imported = spawnSync(
  'npm',
  [
    'run',
    '--silent',
    'import:blogger',
    '--',
    'test/fixtures/blogger/feed.atom',
    '--content-dir',
    contentDir,
    '--no-comments',
  ],
  {
    cwd: projectRoot,
    stdio: 'inherit',
  },
)
if (imported.status !== 0) {
  console.error(`The Blogger fixture failed to import (exit ${imported.status ?? imported.signal}).`)
  process.exit(1)
}

// Contentlayer takes its working directory from PWD, not from the cwd.
const result = spawnSync('npm', ['run', 'build'], {
  cwd: outDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PWD: outDir,
    CONTENT_DIR: contentDir,
    NEXT_TELEMETRY_DISABLED: '1',
  },
})
if (result.status !== 0) {
  console.error(`The fixture site failed to build (exit ${result.status ?? result.signal}).`)
  process.exit(1)
}
console.log(`Fixture site built in ${path.relative(projectRoot, outDir)}/`)
