import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../../lib/tooling/project-copy.mjs'

/** The published posts of a build (`root`: the project or a copy), longest body first. */
export function listPosts(root = projectRoot) {
  const dir = join(root, '.contentlayer/generated/Post')
  const posts = readdirSync(dir)
    .filter((name) => name.endsWith('.mdx.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')))
    .filter((post) => !post.draft)
  posts.sort((a, b) => b.body.raw.length - a.body.raw.length)
  if (!posts[0]) throw new Error('No posts in .contentlayer/generated')
  return posts
}

/** The post with the longest body, from the generated content of the current build. */
export function longestPostPath() {
  return listPosts()[0].url
}
