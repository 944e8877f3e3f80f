const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

/** Post dates are calendar days stored as UTC midnight: format them in UTC so no reader sees the day before. */
export function formatPostDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

export function isoDay(iso: string): string {
  return iso.slice(0, 10)
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })

/** The exact moment, in UTC: the same for every reader of a cached page. */
export function formatDateTime(iso: string): string {
  return `${dateTimeFormat.format(new Date(iso))} UTC`
}
