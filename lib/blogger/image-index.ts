import { readdirSync } from 'node:fs'
import path from 'node:path'
import type { FindImage } from './images'

const MAX_FILES = 50_000

/**
 * The files under `dir` by name (Takeout puts a blog's images beside or below its feed.atom).
 * A name found twice is ambiguous: the importer keeps that image as a link rather than guess.
 */
export function indexImageFiles(dir: string): { findImage: FindImage; fileCount: number } {
  const byName = new Map<string, string[]>()
  let fileCount = 0
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (fileCount >= MAX_FILES || entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const file = path.join(current, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (entry.isFile()) {
        fileCount++
        byName.set(entry.name, [...(byName.get(entry.name) ?? []), file])
      }
    }
  }
  walk(dir)
  return {
    findImage: (fileName) => {
      const files = byName.get(fileName)
      return files?.length === 1 ? files[0] : undefined
    },
    fileCount,
  }
}
