// Builds the site a second time, from the fixture posts in test/fixtures/content/site, into
// .e2e-fixture-site/ for the end-to-end tests in e2e/*.fixture.spec.ts (see playwright.config.ts).
// The real posts are too few for a second list page and have no non-ASCII tag or series, and the
// fixtures must never be mixed into the real site, so they get a production build of their own.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { copyProject, projectRoot } from './copy-project.mjs'

const outDir = path.join(projectRoot, '.e2e-fixture-site')
copyProject(outDir)

// Contentlayer takes its working directory from PWD, not from the cwd.
const result = spawnSync('npm', ['run', 'build'], {
  cwd: outDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    PWD: outDir,
    CONTENT_DIR: path.join(projectRoot, 'test/fixtures/content/site'),
    NEXT_TELEMETRY_DISABLED: '1',
  },
})
if (result.status !== 0) {
  console.error(`The fixture site failed to build (exit ${result.status ?? result.signal}).`)
  process.exit(1)
}
console.log(`Fixture site built in ${path.relative(projectRoot, outDir)}/`)
