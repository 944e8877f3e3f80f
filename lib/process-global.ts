/**
 * One value per process, kept on globalThis under `Symbol.for(key)` and created on first use.
 * Next.js bundles instrumentation, the route handlers and the pages separately, each with its own
 * copy of a module, so a module variable would exist once per bundle.
 */
export function processGlobal<T>(key: string, create: () => T): T {
  const symbol = Symbol.for(key)
  if (!Reflect.has(globalThis, symbol)) Reflect.set(globalThis, symbol, create())
  return Reflect.get(globalThis, symbol)
}
