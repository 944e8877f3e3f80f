import 'server-only'

export const MAX_BODY_BYTES = 16 * 1024

export type RequestFormat = 'json' | 'form'

export type ReadResult =
  | { isOk: true; format: RequestFormat; fields: Record<string, unknown> }
  | { isOk: false; status: 400 | 413 | 415 | 422; error: string; fieldErrors?: Record<string, string[]> }

/** The format from Content-Type, or undefined for any other type (415). */
export function requestFormat(headers: Headers): RequestFormat | undefined {
  const type = (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type === 'application/json') return 'json'
  if (type === 'application/x-www-form-urlencoded') return 'form'
  return undefined
}

/**
 * Reads at most MAX_BODY_BYTES. Content-Length is checked first, but a chunked body has none
 * (and a client may lie), so the stream itself is counted and abandoned past the cap.
 */
export async function readLimitedBody(request: Request): Promise<Uint8Array | 'too-large'> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) return 'too-large'
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => undefined)
      return 'too-large'
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Decodes the body into fields; it is the schema's job to judge them. */
export async function readCommentFields(request: Request): Promise<ReadResult> {
  const format = requestFormat(request.headers)
  if (!format) {
    return { isOk: false, status: 415, error: 'Send application/json or application/x-www-form-urlencoded.' }
  }
  const bytes = await readLimitedBody(request)
  if (bytes === 'too-large') return { isOk: false, status: 413, error: `The request body is over ${MAX_BODY_BYTES / 1024} KiB.` }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { isOk: false, status: 400, error: 'The request body is not valid UTF-8.' }
  }
  if (format === 'form') return decodeForm(text)
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { isOk: false, status: 400, error: 'The request body is not valid JSON.' }
  }
  if (!isRecord(parsed)) return { isOk: false, status: 422, error: 'The request body must be a JSON object.', fieldErrors: {} }
  return { isOk: true, format, fields: parsed }
}

function decodeForm(text: string): ReadResult {
  const fields: Record<string, unknown> = {}
  const repeated: Record<string, string[]> = {}
  for (const [key, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, key)) repeated[key] = ['Send this field once.']
    fields[key] = value
  }
  if (Object.keys(repeated).length > 0) {
    return { isOk: false, status: 422, error: 'A field was sent more than once.', fieldErrors: repeated }
  }
  return { isOk: true, format: 'form', fields }
}
