// @ts-check

// The one place this process keeps state that must be shared by every copy of a module. Next.js
// bundles instrumentation, the route handlers and the pages separately, each with its own copy of
// lib/db.ts, yet there must be one database per process (PGlite cannot be opened twice), and the
// server entry (lib/server/start.mjs), which is not bundled at all, must close it on shutdown. So the
// state hangs off globalThis under one registered symbol, and nothing else in the code base does that.

const KEY = Symbol.for('backend-playbook.lifecycle')

/**
 * @typedef {object} Lifecycle
 * @property {Array<() => Promise<void>>} closeTasks run by the server entry after the last request
 * @property {Map<string, unknown>} singletons one value per name, for modules Next.js copies per bundle
 * @property {boolean} hasServerEntry whether lib/server/start.mjs owns the http.Server (and the signals)
 */

/** @returns {Lifecycle} */
function lifecycle() {
  const existing = Reflect.get(globalThis, KEY)
  if (existing) return existing
  /** @type {Lifecycle} */
  const created = { closeTasks: [], singletons: new Map(), hasServerEntry: false }
  Reflect.set(globalThis, KEY, created)
  return created
}

/**
 * The value registered under `name` in this process, created on first use: the same object in
 * every bundle.
 * @template T
 * @param {string} name
 * @param {() => T} create
 * @returns {T}
 */
export function processSingleton(name, create) {
  const { singletons } = lifecycle()
  if (!singletons.has(name)) singletons.set(name, create())
  return /** @type {T} */ (singletons.get(name))
}

/**
 * Registers what to close when the server shuts down, after the last request and the work it left
 * behind (lib/db.ts: the database). Tasks run in the order they were registered.
 * @param {() => Promise<void>} task
 */
export function closeOnShutdown(task) {
  const { closeTasks } = lifecycle()
  if (!closeTasks.includes(task)) closeTasks.push(task)
}

/** Runs the registered close tasks, each once; the first failure is thrown after all have run. */
export async function runCloseTasks() {
  /** @type {unknown[]} */
  const failures = []
  for (const task of lifecycle().closeTasks.splice(0)) {
    await task().catch((/** @type {unknown} */ error) => failures.push(error))
  }
  if (failures.length > 0) throw failures[0]
}

/** Called by the server entry before it loads Next.js: signals and shutdown are then its business. */
export function markServerEntry() {
  lifecycle().hasServerEntry = true
}

/** False under `next start` and `next dev`, which own their server and their signal handlers. */
export function hasServerEntry() {
  return lifecycle().hasServerEntry
}
