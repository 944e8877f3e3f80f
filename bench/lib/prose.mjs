// English-like filler for synthetic posts. Every word is plain letters, so the prose can never
// contain `<` or `{`, which MDX would parse as JSX or an expression.

const nouns = [
  'request',
  'queue',
  'index',
  'replica',
  'schema',
  'handler',
  'cache',
  'transaction',
  'partition',
  'consumer',
  'producer',
  'token',
  'session',
  'endpoint',
  'migration',
  'deadline',
  'retry',
  'lock',
  'shard',
  'snapshot',
  'cursor',
  'payload',
  'header',
  'timeout',
  'worker',
  'scheduler',
  'pool',
  'connection',
  'query',
  'table',
  'column',
  'row',
  'key',
  'service',
  'gateway',
  'client',
  'server',
  'log',
  'metric',
  'trace',
  'alert',
  'dashboard',
  'budget',
  'backlog',
  'incident',
  'rollout',
  'flag',
  'tenant',
  'invoice',
  'order',
  'account',
  'ledger',
  'event',
  'stream',
  'topic',
  'offset',
  'checkpoint',
  'lease',
  'quorum',
  'leader',
  'follower',
  'heartbeat',
  'contract',
  'façade',
  'café',
]
const adjectives = [
  'slow',
  'fast',
  'stale',
  'fresh',
  'durable',
  'idempotent',
  'eventual',
  'strict',
  'lazy',
  'eager',
  'noisy',
  'quiet',
  'hot',
  'cold',
  'partial',
  'complete',
  'expensive',
  'cheap',
  'fragile',
  'robust',
  'hidden',
  'obvious',
  'shared',
  'private',
  'global',
  'local',
  'optimistic',
  'pessimistic',
  'naïve',
  'bounded',
  'unbounded',
  'versioned',
  'sparse',
  'dense',
  'flaky',
  'boring',
  'careful',
  'legacy',
]
const verbs = [
  'validate',
  'cache',
  'reject',
  'retry',
  'batch',
  'split',
  'merge',
  'replay',
  'index',
  'lock',
  'release',
  'throttle',
  'buffer',
  'flush',
  'commit',
  'publish',
  'consume',
  'log',
  'measure',
  'serialize',
  'compress',
  'expire',
  'refresh',
  'route',
  'shard',
  'replicate',
  'monitor',
  'catch',
  'hide',
  'expose',
  'delay',
  'order',
  'sign',
  'verify',
  'encrypt',
  'store',
  'drop',
  'copy',
  'watch',
]
const adverbs = [
  'Usually',
  'In practice',
  'Sooner or later',
  'Under load',
  'In production',
  'Quietly',
  'Surprisingly',
  'Most of the time',
  'On a bad day',
  'Eventually',
  'Without fail',
  'At scale',
]
const prepositions = ['across', 'behind', 'inside', 'after', 'before', 'under', 'with', 'without', 'between', 'around']
const modals = ['can', 'should', 'must', 'will', 'may', 'might', 'could']
const determiners = ['the', 'a', 'every', 'each', 'one', 'that', 'this', 'another']

/** Seeded PRNG (mulberry32): the same seed always yields the same posts. */
export function createRandom(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (probability) => next() < probability,
  }
}

export const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1)

/** Third-person verb or plural noun: the spelling rules are the same. */
function addS(word) {
  if (/(s|sh|ch|x|z)$/.test(word)) return `${word}es`
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`
  return `${word}s`
}

const indefiniteArticle = (word) => (/^[aeiou]/.test(word) ? 'an' : 'a')

function nounPhrase(random, { withAdjective = random.chance(0.4) } = {}) {
  const noun = withAdjective ? `${random.pick(adjectives)} ${random.pick(nouns)}` : random.pick(nouns)
  const determiner = random.pick(determiners)
  return `${determiner === 'a' ? indefiniteArticle(noun) : determiner} ${noun}`
}

/** Sometimes formats a noun phrase as inline code or bold, as real posts do. */
function decorated(random, phrase) {
  const [determiner, ...rest] = phrase.split(' ')
  if (random.chance(0.06)) return `${determiner} \`${rest.join('_')}\``
  if (random.chance(0.05)) return `${determiner} **${rest.join(' ')}**`
  return phrase
}

const sentenceTemplates = [
  (r) =>
    `${nounPhrase(r)} ${addS(r.pick(verbs))} ${decorated(r, nounPhrase(r))} ${r.pick(prepositions)} ${nounPhrase(r)}.`,
  (r) =>
    `When ${nounPhrase(r)} ${addS(r.pick(verbs))} ${nounPhrase(r)}, ${nounPhrase(r)} ${r.pick(modals)} ` +
    `${r.pick(verbs)} ${decorated(r, nounPhrase(r, { withAdjective: true }))}.`,
  (r) =>
    `${r.pick(adverbs)}, ${nounPhrase(r)} ${addS(r.pick(verbs))} ${nounPhrase(r)} ` +
    `and ${addS(r.pick(verbs))} ${nounPhrase(r)}.`,
  (r) =>
    `Most teams ${r.pick(verbs)} ${nounPhrase(r)} ${r.pick(prepositions)} ${nounPhrase(r)}, ` +
    `but ${nounPhrase(r, { withAdjective: true })} ${r.pick(modals)} ${r.pick(verbs)} ${nounPhrase(r)} instead.`,
  (r) =>
    `This is why ${nounPhrase(r)} ${r.pick(modals)} never ${r.pick(verbs)} ` +
    `${decorated(r, nounPhrase(r, { withAdjective: true }))}.`,
  (r) =>
    `If you ${r.pick(verbs)} ${nounPhrase(r)} ${r.pick(prepositions)} ${nounPhrase(r)}, ` +
    `expect ${nounPhrase(r)} to ${r.pick(verbs)} ${nounPhrase(r)}.`,
]

export function sentence(random) {
  return capitalize(random.pick(sentenceTemplates)(random))
}

/** A short title-like phrase for headings and post titles. */
export function headline(random) {
  const noun = random.pick(nouns)
  const templates = [
    () => `Why ${random.pick(adjectives)} ${addS(noun)} ${random.pick(verbs)} ${addS(random.pick(nouns))}`,
    () => {
      const adjective = random.pick(adjectives)
      return `How to ${random.pick(verbs)} ${indefiniteArticle(adjective)} ${adjective} ${noun}`
    },
    () => `${capitalize(random.pick(adjectives))} ${addS(noun)} ${random.pick(prepositions)} the ${random.pick(nouns)}`,
    () => `When the ${noun} ${addS(random.pick(verbs))} the ${random.pick(nouns)}`,
  ]
  return random.pick(templates)()
}

export const countWords = (text) => text.split(/\s+/).filter(Boolean).length
