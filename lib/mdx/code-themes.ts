/**
 * Both themes are rendered at build time; globals.css shows the one the reader's theme calls for.
 * These two keep every token at WCAG AA (4.5:1) on the code backgrounds in globals.css,
 * highlighted lines included (github-light's orange and github-dark's comments do not):
 * lib/mdx/code-theme.test.ts checks it.
 */
export const codeThemes = { light: 'github-light-high-contrast', dark: 'github-dark-default' } as const
