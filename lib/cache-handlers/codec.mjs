// @ts-check

/**
 * Cache records as JSON text for Redis. JSON has no Buffers, Maps, `undefined` or Infinity, and the
 * records hold all four (an APP_PAGE value has `rscData` and `segmentData`, absent fields are
 * `undefined`, a 'use cache' entry may expire at Infinity), so those travel as tagged arrays:
 * ['B', base64], ['M', [key, value] pairs], ['U'], ['N', 'Infinity']. Arrays themselves are tagged
 * too (['A', ...items]), so no stored value can be mistaken for a tagged one.
 */

/** @param {unknown} value @returns {unknown} */
function encode(value) {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (value === undefined) return ['U']
  if (typeof value === 'number') return Number.isFinite(value) ? value : ['N', String(value)]
  if (value instanceof Uint8Array)
    return ['B', Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')]
  if (value instanceof Map) return ['M', [...value].map(([key, item]) => [encode(key), encode(item)])]
  if (Array.isArray(value)) return ['A', ...value.map(encode)]
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]))
  throw new TypeError(`a ${Object.prototype.toString.call(value)} cannot be stored in the cache`)
}

/** @param {unknown} value @returns {unknown} */
function decode(value) {
  if (value === null || typeof value !== 'object') return value
  if (!Array.isArray(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]))
  const [tag, ...rest] = value
  switch (tag) {
    case 'A':
      return rest.map(decode)
    case 'U':
      return undefined
    case 'N':
      return Number(expectString(rest[0]))
    case 'B':
      return Buffer.from(expectString(rest[0]), 'base64')
    case 'M': {
      const pairs = Array.isArray(rest[0]) ? rest[0] : []
      return new Map(
        pairs.map((pair) =>
          Array.isArray(pair) && pair.length === 2 ? [decode(pair[0]), decode(pair[1])] : fail('a Map entry'),
        ),
      )
    }
    default:
      return fail(`the tag ${JSON.stringify(tag)}`)
  }
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isPlainObject(value) {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** @param {unknown} value */
function expectString(value) {
  return typeof value === 'string' ? value : fail('a tagged value')
}

/** @param {string} what @returns {never} */
function fail(what) {
  throw new TypeError(`unreadable cache record: unexpected ${what}`)
}

/** @param {unknown} record */
export function serialize(record) {
  return JSON.stringify(encode(record))
}

/**
 * Throws on text that this module did not write; the caller treats that as a miss.
 * @param {string} text
 * @returns {unknown}
 */
export function deserialize(text) {
  return decode(JSON.parse(text))
}

/**
 * Roughly how many bytes a record holds, to bound the in-memory LRU by size: strings and buffers
 * count by length, everything else a little.
 * @param {unknown} value
 * @returns {number}
 */
export function estimateSize(value) {
  if (typeof value === 'string') return value.length
  if (value instanceof Uint8Array) return value.byteLength
  if (value instanceof Map) {
    let size = 8
    for (const [key, item] of value) size += estimateSize(key) + estimateSize(item)
    return size
  }
  if (Array.isArray(value)) return value.reduce((size, item) => size + estimateSize(item), 8)
  if (isPlainObject(value))
    return Object.entries(value).reduce((size, [key, item]) => size + key.length + estimateSize(item), 8)
  return 8
}
