import { DARK_SCHEME_QUERY, THEME_STORAGE_KEY } from './theme'

/**
 * Runs in <head> before the first paint: sets `data-theme` on <html> from the stored choice or the
 * system setting, so no page ever flashes the wrong theme. Keep it small and static: it is inlined
 * into every page (the Content-Security-Policy allows inline scripts, see lib/security-headers.ts).
 * Without JavaScript, or when storage throws, nothing is set and the CSS follows
 * `prefers-color-scheme` (the `dark` variant in globals.css).
 */
export const themeScript =
  `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});` +
  `var d=c==="dark"||(c!=="light"&&matchMedia(${JSON.stringify(DARK_SCHEME_QUERY)}).matches);` +
  `document.documentElement.dataset.theme=d?"dark":"light"}catch(e){}})()`
