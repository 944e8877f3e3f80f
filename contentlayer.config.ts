import { contentDirExcludeDefault, defineDocumentType, makeSource } from 'contentlayer2/source-files'
import { remarkPlugins, rehypePlugins } from './lib/mdx/plugins'
import { extractToc } from './lib/mdx/toc'

const WORDS_PER_MINUTE = 225

export const Post = defineDocumentType(() => ({
  name: 'Post',
  filePathPattern: 'posts/**/*.mdx',
  contentType: 'mdx',
  fields: {
    title: { type: 'string', required: true },
    date: { type: 'date', required: true },
    summary: { type: 'string', required: true },
    tags: { type: 'list', of: { type: 'string' }, default: [] },
    draft: { type: 'boolean', default: false },
    updated: { type: 'date', required: false },
    series: { type: 'string', required: false },
  },
  computedFields: {
    slug: { type: 'string', resolve: (post) => post._raw.sourceFileName.replace(/\.mdx$/, '') },
    url: { type: 'string', resolve: (post) => `/blog/${post._raw.sourceFileName.replace(/\.mdx$/, '')}` },
    readingTime: {
      type: 'number',
      resolve: (post) => Math.max(1, Math.round(post.body.raw.split(/\s+/).filter(Boolean).length / WORDS_PER_MINUTE)),
    },
    toc: { type: 'json', resolve: (post) => extractToc(post.body.raw) },
  },
}))

export default makeSource({
  // CONTENT_DIR lets the tests and the build benchmark point Contentlayer at other posts.
  contentDirPath: process.env.CONTENT_DIR ?? 'content',
  documentTypes: [Post],
  // The redirect map of an imported blog (lib/blogger/redirect-map.ts) is not a document.
  contentDirExclude: [...contentDirExcludeDefault, 'redirects.json'],
  // Contentlayer's defaults skip a post with bad front matter and only warn: a broken post would
  // silently vanish from the site. Fail the build instead.
  onMissingOrIncompatibleData: 'fail',
  onExtraFieldData: 'fail',
  onUnknownDocuments: 'fail',
  disableImportAliasWarning: true,
  mdx: { remarkPlugins, rehypePlugins },
})
