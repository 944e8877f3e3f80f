/** The reader's choice, kept in localStorage; "system" follows the operating system's setting. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const
export type ThemeChoice = (typeof THEME_CHOICES)[number]
export type Theme = 'light' | 'dark'

export const THEME_STORAGE_KEY = 'theme'
export const DARK_SCHEME_QUERY = '(prefers-color-scheme: dark)'

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.some((choice) => choice === value)
}

/** The theme a choice shows; an unknown stored value counts as "system". */
export function resolveTheme(choice: unknown, prefersDark: boolean): Theme {
  if (choice === 'light' || choice === 'dark') return choice
  return prefersDark ? 'dark' : 'light'
}
