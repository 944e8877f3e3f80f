import { createHash } from 'node:crypto'
import { themeScript } from './script'

/**
 * The CSP source that allows the inline theme script without a nonce, e.g.
 * `script-src 'self' ${getThemeScriptCspHash()}`. It is the base64 SHA-256 of the script's exact
 * text as served (React writes it unescaped; e2e/theme.spec.ts checks the served page against it).
 * By hand: `printf '%s' "$SCRIPT" | openssl dgst -sha256 -binary | base64`.
 */
export function getThemeScriptCspHash(): string {
  return `'sha256-${createHash('sha256').update(themeScript, 'utf8').digest('base64')}'`
}
