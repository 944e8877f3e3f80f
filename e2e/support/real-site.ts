import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import matter from 'gray-matter'

/**
 * The slug of the newest published post in content/posts, for the tests that run the real build
 * (the smoke spec, and the ones that start production servers of their own). Chosen from the
 * content, never named, so that an author rewriting, renaming or deleting a post breaks no test.
 */
export const realPost = findNewestPublished(path.resolve('content/posts'))
export const realPostSlug = realPost.slug

function findNewestPublished(dir: string): { slug: string; title: string } {
  const published = readdirSync(dir)
    .filter((file) => file.endsWith('.mdx'))
    .map((file) => ({
      slug: file.slice(0, -'.mdx'.length),
      data: matter(readFileSync(path.join(dir, file), 'utf8')).data,
    }))
    .map(({ slug, data }) => ({
      slug,
      title: String(data.title),
      isDraft: data.draft === true,
      date: Date.parse(String(data.date instanceof Date ? data.date.toISOString() : data.date)),
    }))
    .filter((post) => !post.isDraft && post.date <= Date.now())
    .sort((a, b) => b.date - a.date)
  const newest = published[0]
  if (!newest) throw new Error(`${dir} holds no published post for the real-site tests`)
  return { slug: newest.slug, title: newest.title }
}
