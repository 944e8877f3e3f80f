// What a reader would read as a link in a comment: the rule behind COMMENT_MODERATION=links and
// the moderation CLI's list of links. Every pass is one linear scan, so that a 5000-character
// body costs well under a millisecond whatever it contains (a backtracking pattern cost ~160 ms).
//
// linkify-it was tried first and rejected: it misses bare hosts with a port (`spam.example:8080/x`,
// `203.0.113.9:80`) and hosts after `:` or `/`, and its TLD list cannot be narrowed without its
// internals. The policy, with its examples in links.test.ts:
// - Held: a web scheme (`http://`, `https://`, `ftp://`, `mailto:`), `www.` anything, Markdown,
//   BBCode or HTML link markup, a public IPv4 address, and a host name whose last label is a TLD in
//   use, bare (`spam.example`) or with a port, path or query, IDN and punycode names included. The
//   text is read as it looks: NFKC folds fullwidth and other compatibility forms, invisible
//   characters are dropped, an ideographic full stop before a Latin letter is a dot (as in address bars).
// - Published: dotted words whose last part is no TLD (Node.js, e.g., v1.2.3, package.json), file
//   names whose extension is also a country code (README.md, main.py:42) unless a path follows,
//   private addresses (127.0.0.1, 10.0.0.0/8: they lead to nothing of the commenter's; with
//   `http://` they are held), and defanged addresses (`example[.]com`, `example dot com`), which
//   cannot be opened without editing them. `hxxp://` alone does not defang: the host after it is held.
// - Code that ends in a TLD (`user.id`, `logger.info`) is held too: the price of holding bare domains.
// - Comments are rendered as Markdown (lib/comments/markdown.ts), so its link syntax is markup too:
//   `](` (inline), `]:` (a reference definition, whatever its address looks like: entities such as
//   `h&#116;tps:` are decoded by the parser), and `<scheme:…>` or `<user@host>` autolinks.
//   lib/comments/markdown.test.ts checks that every link the renderer makes is held.

const SCHEME = /(?<![\p{L}\p{N}+.-])(?:https?:\/\/|ftp:\/\/|mailto:)[^\s<>"']/giu
const WWW = /(?<![\p{L}\p{N}\p{M}_.-])www\.[\p{L}\p{N}]/giu
const MARKUP = /\]\(|\]:|<a\s|\[url[\]=]|<[a-z][a-z\d+.-]{1,31}:|<[^\s<>@]+@/i
// A dotted run that starts where no label continues, so each character is tried a bounded number of times.
const HOST = /(?<![\p{L}\p{N}\p{M}_-])(?:[\p{L}\p{N}\p{M}_-]+\.)+[\p{L}\p{N}\p{M}_-]+/gu
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/gu
const IDEOGRAPHIC_DOT = /(?<=[\p{L}\p{N}])\u3002(?=[a-z\d])/giu
const EMAIL_USER = /[\p{L}\p{N}._%+-]/u
const LINK_END = /[\s<>"'`)\]}]/gu

// Two-letter country codes delegated in the root zone, packed by first letter.
const COUNTRY_CODES =
  'a:cdefgilmoqrstuwxz b:abdefghijmnorstvwyz c:acdfghiklmnoruvwxyz d:ejkmoz e:cegrstu f:ijkmor g:abdefghilmnpqrstuwy ' +
  'h:kmnrtu i:delmnoqrst j:emop k:eghimnprwyz l:abcikrstuvy m:acdeghklmnopqrstuvwxyz n:acefgilopruz o:m ' +
  'p:aefghklmnrstwy q:a r:eosuw s:abcdeghijklmnorstuvxyz t:cdfghjklmnortvwz u:agksyz v:aceginu w:fs y:et z:amw'
// The original generic TLDs, the documentation names (RFC 2606, which stand for real ones), the
// new ones most used by spam and by hosting platforms, and the IDN TLDs in wide use. Not the words
// that are common member names in code (now, date, map, post, data, email, host…).
const GENERIC_TLDS =
  'com net org edu gov mil int biz info name pro aero asia coop jobs mobi museum tel travel cat xxx ' +
  'example test invalid ' +
  'app dev xyz top site online store shop club click link live life work world today vip win loan loans bid icu buzz ' +
  'cyou sbs bond cfd rest lol mom skin hair beauty quest monster space website fun tech cloud blog news ltd best fit ' +
  'pics photo photos video game games casino bet poker porn sex sexy adult dating pharmacy health care sale deals ' +
  'money cash finance market digital agency company business media page wiki men party review trade science racing ' +
  'download gdn kim country cricket accountant faith webcam hosting services solutions systems network software ' +
  'tools рф рус бел укр срб мкд қаз мон онлайн сайт орг ком москва 中国 中國 公司 网络 在线 中文网 香港 台湾 台灣 新加坡 ' +
  'みんな 한국 닷컴 भारत ไทย السعودية امارات مصر ایران'
const TLDS = new Set([
  ...GENERIC_TLDS.split(' '),
  ...COUNTRY_CODES.split(' ').flatMap((group) => [...group.slice(2)].map((second) => `${group[0]}${second}`)),
])
// Country codes that are also common file extensions: `README.md` alone (or `main.py:42`) is a file name.
const FILE_EXTENSIONS = new Set(['md', 'py', 'rs', 'sh', 'so', 'cc', 'tf', 'ps', 'pl', 'pm', 'ml', 'mk'])

/** The text as a reader sees it: compatibility forms folded, invisible characters dropped. */
function readAsSeen(text: string): string {
  return text.normalize('NFKC').replace(IGNORABLE, '').replace(IDEOGRAPHIC_DOT, '.')
}

function isPrivateIPv4([a = 0, b = 0]: readonly number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127)
  )
}

function isHostLink(text: string, start: number, host: string): boolean {
  const labels = host.split('.')
  const tld = (labels.at(-1) ?? '').toLowerCase()
  const isAfterUserOrSlashes = text[start - 1] === '@' || (text[start - 1] === '/' && text[start - 2] === '/')
  const octets = labels.map((label) => (/^\d{1,3}$/.test(label) ? Number(label) : NaN))
  if (labels.length === 4 && octets.every((octet) => octet <= 255)) return !isPrivateIPv4(octets)
  if (!TLDS.has(tld) && !/^xn--[a-z\d-]+$/.test(tld)) return false
  const isFollowedByPath = /[/?#]/.test(text[start + host.length] ?? '')
  return !FILE_EXTENSIONS.has(tld) || isFollowedByPath || isAfterUserOrSlashes
}

/**
 * The start of the local part before the `@` at `at`: at most 64 characters back (RFC 5321), so the
 * walk stays bounded.
 */
function findEmailStart(seen: string, at: number): number {
  let start = at
  while (start > Math.max(0, at - 64) && EMAIL_USER.test(seen[start - 1] ?? '')) start--
  return start === at ? at + 1 : start
}

/** Where each link starts in the folded text (not in order); an email address from its local part. */
function* linkStarts(seen: string): Generator<number> {
  for (const match of seen.matchAll(SCHEME)) yield match.index
  for (const match of seen.matchAll(WWW)) yield match.index
  for (const match of seen.matchAll(HOST)) {
    if (!isHostLink(seen, match.index, match[0])) continue
    yield seen[match.index - 1] === '@' ? findEmailStart(seen, match.index - 1) : match.index
  }
}

/** Whether a reader would read anything in the text as a link (see the policy above). */
export function hasLink(text: string): boolean {
  const seen = readAsSeen(text)
  return MARKUP.test(seen) || !linkStarts(seen).next().done
}

/** Every link in the text as the reader sees it (folded), each up to the next space or closing bracket, in order. */
export function findLinks(text: string): string[] {
  const seen = readAsSeen(text)
  const links: string[] = []
  let covered = -1
  for (const start of [...linkStarts(seen)].sort((a, b) => a - b)) {
    if (start < covered) continue
    LINK_END.lastIndex = start
    covered = LINK_END.exec(seen)?.index ?? seen.length
    links.push(seen.slice(start, covered).replace(/[.,;:!?]+$/, ''))
  }
  return links
}
