import type { Root } from 'mdast'
import { isMap, parseDocument } from 'yaml'
import { z } from 'zod'

/** A field of the Contentlayer `Post` schema, as `Post.def().fields` describes it. */
export const fieldSpecSchema = z.object({
  type: z.string(),
  required: z.boolean().optional(),
  of: z.object({ type: z.string() }).optional(),
})
export type FieldSpec = z.infer<typeof fieldSpecSchema>

export type FrontmatterProblem = { line: number; message: string }
export type Frontmatter = { data: Record<string, unknown>; problems: FrontmatterProblem[] }

// Contentlayer's `date` accepts a calendar day or a full ISO timestamp.
const dateSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date such as 2026-11-24',
})

function valueSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'string':
      return z.string({ error: 'must be text' }).trim().min(1, 'must not be empty')
    case 'date':
      return z.preprocess((value) => (value instanceof Date ? value.toISOString() : value), dateSchema)
    case 'boolean':
      return z.boolean({ error: 'must be true or false' })
    case 'list':
      if (spec.of?.type === 'string')
        return z.array(z.string({ error: 'must be text' }).trim().min(1), { error: 'must be a list' })
      break
  }
  // A new kind of field must be taught to this check rather than silently pass it.
  throw new Error(`lint:content does not know Contentlayer fields of type ${spec.type}`)
}

/** The front matter rules, derived from the Contentlayer schema so the two cannot drift apart. */
export function createFrontmatterSchema(fields: Record<string, FieldSpec>) {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([name, spec]) => [
      name,
      spec.required ? valueSchema(spec) : valueSchema(spec).optional(),
    ]),
  )
  return z.strictObject(shape)
}

/** Reads and checks the YAML front matter of a parsed file; problems carry the line of the field. */
export function checkFrontmatter(tree: Root, schema: ReturnType<typeof createFrontmatterSchema>): Frontmatter {
  const yamlNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined
  if (!yamlNode)
    return {
      data: {},
      problems: [{ line: 1, message: 'front matter is missing (a --- block with title, date and summary)' }],
    }
  const firstLine = (yamlNode.position?.start.line ?? 1) + 1
  const document = parseDocument(yamlNode.value, { prettyErrors: false })
  const error = document.errors[0]
  if (error)
    return {
      data: {},
      problems: [
        {
          line: firstLine + (error.linePos?.[0].line ?? 1) - 1,
          message: `front matter is not valid YAML: ${error.message}`,
        },
      ],
    }
  const value: unknown = document.toJS()
  if (!isMap(document.contents) || typeof value !== 'object' || value === null) {
    return { data: {}, problems: [{ line: firstLine, message: 'front matter must be a list of fields (key: value)' }] }
  }
  const data = Object.fromEntries(Object.entries(value))
  const lineOf = (key: PropertyKey | undefined) => {
    const index = yamlNode.value.split('\n').findIndex((line) => typeof key === 'string' && line.startsWith(`${key}:`))
    return index === -1 ? firstLine - 1 : firstLine + index
  }
  const parsed = schema.safeParse(data)
  const problems = parsed.success
    ? []
    : parsed.error.issues.flatMap((issue) => {
        if (issue.code === 'unrecognized_keys')
          return issue.keys.map((key) => ({
            line: lineOf(key),
            message: `front matter field "${key}" is not in the schema`,
          }))
        const key = issue.path[0]
        const message = issue.code === 'invalid_type' && data[String(key)] === undefined ? 'is required' : issue.message
        return [{ line: lineOf(key), message: `front matter field "${String(key)}" ${message}` }]
      })
  return { data, problems }
}
