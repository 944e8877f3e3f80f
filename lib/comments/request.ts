import 'server-only'

/**
 * Every valid comment fits, however it is encoded: 5000 code points of 4-byte characters written as
 * JSON `\u` escapes (12 bytes each) is about 60 KB. The same cap as the form action's body limit.
 */
export const MAX_BODY_BYTES = 64 * 1024

/**
 * A body that sends nothing for this long is abandoned (408): a client trickling a byte every few
 * seconds would otherwise hold the request, and a graceful shutdown, for Node's 300 s.
 */
export const BODY_IDLE_TIMEOUT_MS = 10_000

export type ReadResult =
  | { isOk: true; fields: Record<string, unknown> }
  | { isOk: false; status: 400 | 408 | 413 | 415 | 422; error: string; fieldErrors?: Record<string, string[]> }

type Chunk = ReadableStreamReadResult<Uint8Array> | 'idle'

/** The next chunk, or 'idle' when none comes within `idleMs`. */
function nextChunk(reader: ReadableStreamDefaultReader<Uint8Array>, idleMs: number): Promise<Chunk> {
  let timer: NodeJS.Timeout | undefined
  const idle = new Promise<'idle'>((resolve) => (timer = setTimeout(resolve, idleMs, 'idle')))
  return Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer))
}

/**
 * Reads at most MAX_BODY_BYTES, each chunk within `idleMs` of the last. Content-Length is checked
 * first, but a chunked body has none (and a client may lie), so the stream itself is counted and
 * abandoned past the cap.
 */
export async function readLimitedBody(
  request: Request,
  idleMs = BODY_IDLE_TIMEOUT_MS,
): Promise<Uint8Array | 'too-large' | 'too-slow'> {
  const declared = Number(request.headers.get('content-length') ?? '0')
  if (declared > MAX_BODY_BYTES) return 'too-large'
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const chunk = await nextChunk(reader, idleMs)
    if (chunk === 'idle') {
      await reader.cancel().catch(() => undefined)
      return 'too-slow'
    }
    const { done, value } = chunk
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

const isJson = (headers: Headers) =>
  (headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json'
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Decodes a JSON object body into fields; it is the schema's job to judge them. Only JSON: the page's form
 * posts through its own action without JavaScript (lib/comments/form-action.ts).
 */
export async function readJsonBody(request: Request, idleMs = BODY_IDLE_TIMEOUT_MS): Promise<ReadResult> {
  if (!isJson(request.headers)) return { isOk: false, status: 415, error: 'Send application/json.' }
  const bytes = await readLimitedBody(request, idleMs)
  if (bytes === 'too-large')
    return { isOk: false, status: 413, error: `The request body is over ${MAX_BODY_BYTES / 1024} KiB.` }
  if (bytes === 'too-slow')
    return { isOk: false, status: 408, error: `The request body stopped arriving for ${idleMs / 1000} s.` }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return { isOk: false, status: 400, error: 'The request body is not valid UTF-8.' }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { isOk: false, status: 400, error: 'The request body is not valid JSON.' }
  }
  if (!isObject(parsed))
    return { isOk: false, status: 422, error: 'The request body must be a JSON object.', fieldErrors: {} }
  return { isOk: true, fields: parsed }
}
