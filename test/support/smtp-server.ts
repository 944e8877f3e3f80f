import { SMTPServer } from 'smtp-server'

// A real SMTP server for tests (unit and e2e): on 127.0.0.1, a free port, no TLS and no login, and
// every message kept whole. `next()` resolves with the next message to arrive.

export type ReceivedMail = { from: string; to: string[]; raw: string }

export async function startTestSmtpServer() {
  const received: ReceivedMail[] = []
  const waiting: Array<(mail: ReceivedMail) => void> = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        }
        const waiter = waiting.shift()
        if (waiter) waiter(mail)
        else received.push(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://127.0.0.1:${port}`,
    next: () =>
      new Promise<ReceivedMail>((resolve) => {
        const mail = received.shift()
        if (mail) resolve(mail)
        else waiting.push(resolve)
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The text part of a plain message, its transfer encoding undone (quoted-printable or base64). */
export function readMailText(raw: string): { subject: string; text: string } {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  const headers = head.replace(/\r?\n[ \t]+/g, ' ')
  const subject = /^Subject: (.*)$/im.exec(headers)?.[1] ?? ''
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase()
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8')
        : body
  return { subject, text: text.replace(/\r\n/g, '\n') }
}
