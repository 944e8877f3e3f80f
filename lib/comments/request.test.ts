import { describe, expect, it } from 'vitest'
import { readJsonBody } from './request'

const json = { 'content-type': 'application/json' }

/** A body that sends `first` and then nothing, as a client trickling (or stalling) would. */
function stalledRequest(first: string) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(first))
    },
  })
  return new Request('http://localhost/api/comments', {
    method: 'POST',
    headers: json,
    body,
    duplex: 'half',
  } as RequestInit)
}

describe('readJsonBody', () => {
  it('abandons a body that stops arriving, with a 408, once it has waited the idle time', async () => {
    const started = Date.now()
    expect(await readJsonBody(stalledRequest('{"slug":'), 200)).toEqual({
      isOk: false,
      status: 408,
      error: 'The request body stopped arriving for 0.2 s.',
    })
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('reads a body whose chunks keep coming, however slowly overall', async () => {
    const parts = ['{"slug":', '"a",', '"name":"Ada"}']
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const part = parts.shift()
        if (part === undefined) return controller.close()
        await new Promise((resolve) => setTimeout(resolve, 100))
        controller.enqueue(new TextEncoder().encode(part))
      },
    })
    const request = new Request('http://localhost/api/comments', {
      method: 'POST',
      headers: json,
      body,
      duplex: 'half',
    } as RequestInit)
    expect(await readJsonBody(request, 200)).toEqual({ isOk: true, fields: { slug: 'a', name: 'Ada' } })
  })
})
