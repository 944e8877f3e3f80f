// @ts-check
import { z } from 'zod'

/*
 * The shapes the handlers accept from Next.js and read back from Redis. Next.js calls the handlers
 * through a plain dynamic import, with no type contract, and Redis hands back whatever was
 * written, so both are parsed here. Objects are loose: a field a later Next.js adds is kept.
 */

const buffer = z.instanceof(Buffer)
// zod's numbers are finite; a 'use cache' entry that never expires has `expire: Infinity`.
const seconds = z.union([z.number(), z.literal(Infinity)])
const headers = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]).optional())

/** A route's lifetime as Next.js passes it to `set` (`ctx.cacheControl`) and wants it back. */
export const cacheControlSchema = z.looseObject({
  revalidate: z.union([z.number(), z.literal(false)]),
  expire: z.number().optional(),
})

/** The values of next/dist/server/response-cache/types.d.ts that the singular handler stores. */
export const routeValueSchema = z.discriminatedUnion('kind', [
  z.looseObject({
    kind: z.literal('APP_PAGE'),
    html: z.string(),
    rscData: buffer.optional(),
    status: z.number().optional(),
    postponed: z.string().optional(),
    headers: headers.optional(),
    segmentData: z.map(z.string(), buffer).optional(),
  }),
  z.looseObject({ kind: z.literal('APP_ROUTE'), body: buffer, status: z.number(), headers }),
  z.looseObject({
    kind: z.literal('PAGES'),
    html: z.string(),
    pageData: z.unknown(),
    status: z.number().optional(),
    headers: headers.optional(),
  }),
  z.looseObject({
    kind: z.literal('FETCH'),
    data: z.looseObject({
      headers: z.record(z.string(), z.string()),
      body: z.string(),
      url: z.string(),
      status: z.number().optional(),
    }),
    tags: z.array(z.string()).optional(),
    revalidate: z.number(),
  }),
  z.looseObject({ kind: z.literal('REDIRECT'), props: z.unknown() }),
])

/** What the singular handler keeps per key: the value plus what it needs to judge and serve it. */
export const routeRecordSchema = z.object({
  lastModified: z.number(),
  tags: z.array(z.string()),
  cacheControl: cacheControlSchema.optional(),
  value: routeValueSchema,
})

/** A 'use cache' entry (next/dist/server/lib/cache-handlers/types.d.ts) with its stream read into bytes. */
export const useCacheRecordSchema = z.object({
  value: buffer,
  tags: z.array(z.string()),
  stale: seconds,
  timestamp: z.number(),
  expire: seconds,
  revalidate: seconds,
})

/** @typedef {z.infer<typeof routeValueSchema>} RouteValue */
/** @typedef {z.infer<typeof routeRecordSchema>} RouteRecord */
/** @typedef {z.infer<typeof useCacheRecordSchema>} UseCacheRecord */
