// Payloads that must show as text wherever a comment is shown: the e2e test posts them, and the unit
// tests of the Markdown renderer (lib/comments/markdown.test.ts) render them.
export const xss = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"></svg>',
  '"><iframe src="javascript:window.__xss = 4"></iframe>',
  'javascript:window.__xss = 5//',
  '<a href="javascript:window.__xss = 6">click</a>',
  '{{constructor.constructor("window.__xss = 7")()}}',
  '<style>body{display:none}</style>',
  '[link](javascript:window.__xss = 8) **bold**',
  '&lt;b&gt;entity&lt;/b&gt; &#x3C;i&#x3E;',
  '<!-- comment --><math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 9">',
]
