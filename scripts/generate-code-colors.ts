// `npm run code-colors`: writes app/code-colors.css, the classes lib/mdx/rehype-code-html.ts gives
// code tokens, from the colour maps of the code themes. Run it after changing lib/mdx/code-themes.ts;
// lib/mdx/code-colors.test.ts fails while the file is out of date.
import { writeFileSync } from 'node:fs'
import { codeColorsCss, loadCodePalettes } from '../lib/mdx/code-colors'

const file = new URL('../app/code-colors.css', import.meta.url)
writeFileSync(file, codeColorsCss(await loadCodePalettes()))
console.log(`wrote ${file.pathname}`)
