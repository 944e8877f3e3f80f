// Lighthouse on the home page and the longest post, mobile and desktop presets, N runs each
// (default 3), against the production build and the same Chromium as the e2e tests. Prints the
// median of each figure and whether it meets its target. `/tags`, a short list with little to
// hydrate, is measured too: what it costs is the framework's own start-up.
// Usage: npm run build && npm run bench:lighthouse [-- runs]
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import desktopConfig from 'lighthouse/core/config/desktop-config.js'
import { chromiumArgs, systemChromiumPath } from '../lib/tooling/chromium.mjs'
import { startProductionServer } from '../lib/tooling/production-server.mjs'
import { longestPostPath } from './lib/posts.mjs'

const runs = Number(process.argv[2] ?? 3)
const MAX_FAILED_RUNS = 2
const categories = ['performance', 'accessibility', 'best-practices', 'seo']
const chromeFlags = ['--headless=new', ...chromiumArgs]

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function figuresOf(lhr) {
  const scripts = lhr.audits['resource-summary'].details.items.find((item) => item.resourceType === 'script')
  return {
    ...Object.fromEntries(categories.map((id) => [id, Math.round(lhr.categories[id].score * 100)])),
    fcp: lhr.audits['first-contentful-paint'].numericValue,
    lcp: lhr.audits['largest-contentful-paint'].numericValue,
    tbt: lhr.audits['total-blocking-time'].numericValue,
    cls: lhr.audits['cumulative-layout-shift'].numericValue,
    jsBytes: scripts?.transferSize ?? 0,
  }
}

const targets = {
  performance: (v) => v === 100,
  accessibility: (v) => v === 100,
  'best-practices': (v) => v === 100,
  seo: (v) => v === 100,
  cls: (v) => v === 0,
  tbt: (v) => v < 50,
}
const format = {
  fcp: (v) => `${Math.round(v)} ms`,
  lcp: (v) => `${Math.round(v)} ms`,
  tbt: (v) => `${Math.round(v)} ms`,
  cls: (v) => v.toFixed(3),
  jsBytes: (v) => `${(v / 1024).toFixed(1)} KiB`,
}

const server = await startProductionServer({}, { echo: true })
const chrome = await chromeLauncher.launch({ chromePath: systemChromiumPath, chromeFlags })
try {
  for (const [label, path] of [
    ['home', '/'],
    ['tags', '/tags'],
    ['post', longestPostPath()],
  ]) {
    for (const [preset, config] of [
      ['mobile', undefined],
      ['desktop', desktopConfig],
    ]) {
      const samples = []
      // A run whose trace Lighthouse could not read (e.g. NO_NAVSTART on a cold browser) has no
      // scores: it is reported and run again, never counted as a zero.
      for (let attempt = 0; samples.length < runs && attempt < runs + MAX_FAILED_RUNS; attempt++) {
        const { lhr } = await lighthouse(
          server.url + path,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories },
          config,
        )
        if (lhr.runtimeError)
          console.error(`lighthouse ${label} ${preset}: run failed (${lhr.runtimeError.code}), running again`)
        else samples.push(figuresOf(lhr))
      }
      if (samples.length < runs)
        throw new Error(`lighthouse ${label} ${preset}: only ${samples.length} of ${runs} runs succeeded`)
      for (const key of Object.keys(samples[0])) {
        const value = median(samples.map((sample) => sample[key]))
        const shown = format[key] ? format[key](value) : String(value)
        const verdict = targets[key] ? (targets[key](value) ? ' (target met)' : ' (target MISSED)') : ''
        console.log(`lighthouse ${label} ${preset} ${key}: ${shown}${verdict}`)
      }
    }
  }
} finally {
  await chrome.kill()
  await server.stop()
}
