import fc from 'fast-check'

/** A JSON Schema (2020-12, as OpenAPI 3.1 embeds it), loosely typed: the document is data. */
export type JsonSchema = {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  minProperties?: number
  maxProperties?: number
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
}

const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null))

/** Text of `minLength`..`maxLength` code points, any of them (astral ones too, whitespace and controls included). */
function text(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  // Long strings are tried at their bounds; the middle adds nothing but time.
  const maxLength = Math.min(schema.maxLength ?? 40, minLength + 40)
  const base = fc.string({
    unit: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...'abcXYZ09 _-.') }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
    minLength,
    maxLength,
  })
  return schema.maxLength !== undefined && schema.maxLength > maxLength
    ? fc.oneof({ weight: 9, arbitrary: base }, { weight: 1, arbitrary: fc.constant('x'.repeat(schema.maxLength)) })
    : base
}

function formatted(schema: JsonSchema): fc.Arbitrary<string> | undefined {
  switch (schema.format) {
    case 'date-time':
      return fc
        .tuple(
          fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
          fc.constantFrom('Z', '+02:00', '-05:30', '+00:00'),
          fc.boolean(),
        )
        .map(([date, zone, millis]) => {
          const iso = date.toISOString()
          return `${millis ? iso.slice(0, 23) : iso.slice(0, 19)}${zone}`
        })
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10))
    default:
      return undefined
  }
}

function string(schema: JsonSchema): fc.Arbitrary<string> {
  const format = formatted(schema)
  if (format) return format
  if (schema.pattern) {
    const { minLength = 0, maxLength = Infinity } = schema
    return fc.stringMatching(new RegExp(schema.pattern)).filter((value) => [...value].length >= minLength && [...value].length <= maxLength)
  }
  return text(schema)
}

function number(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : Number.EPSILON) : -1e6)
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - (integer ? 1 : Number.EPSILON) : 1e6)
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true })
}

function object(schema: JsonSchema, resolve: (schema: JsonSchema) => fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {}
  const required = new Set(schema.required ?? [])
  const known = fc.record(Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, resolve(property)])), {
    requiredKeys: [...required].filter((name) => name in properties),
  })
  const extra = schema.additionalProperties
  const extras =
    extra === false
      ? fc.constant({})
      : fc.dictionary(
          text({ minLength: 1, maxLength: 20 }).filter((key) => !(key in properties)),
          extra === undefined || extra === true ? anyJson : resolve(extra),
          { maxKeys: 5 },
        )
  return fc
    .tuple(known, extras)
    .map(([fields, more]) => ({ ...more, ...fields }))
    .filter((value) => {
      const count = Object.keys(value).length
      return count >= (schema.minProperties ?? 0) && count <= (schema.maxProperties ?? Infinity)
    })
}

/**
 * Values valid under a JSON Schema, for the subset OpenAPI documents generated from zod use:
 * `$ref` into the document's components, types, enums, combinations, objects, arrays, string
 * bounds, patterns and formats, number bounds. Property-based tests draw requests from it.
 *
 * @param root the whole OpenAPI document, for `$ref`s
 */
export function arbitraryOf(schema: JsonSchema, root: { components?: { schemas?: Record<string, JsonSchema> } }): fc.Arbitrary<unknown> {
  const resolve = (node: JsonSchema): fc.Arbitrary<unknown> => {
    if (node.$ref) {
      const name = node.$ref.replace('#/components/schemas/', '')
      const target = root.components?.schemas?.[name]
      if (!target) throw new Error(`unknown $ref ${node.$ref}`)
      return resolve(target)
    }
    if (node.const !== undefined) return fc.constant(node.const)
    if (node.enum) return fc.constantFrom(...node.enum)
    if (node.anyOf) return fc.oneof(...node.anyOf.map(resolve))
    if (node.oneOf) return fc.oneof(...node.oneOf.map(resolve))
    if (node.allOf?.length === 1 && node.allOf[0]) return resolve(node.allOf[0])
    const types = Array.isArray(node.type) ? node.type : node.type ? [node.type] : []
    if (types.length > 1) return fc.oneof(...types.map((type) => resolve({ ...node, type })))
    switch (types[0]) {
      case 'string':
        return string(node)
      case 'integer':
        return number(node, true)
      case 'number':
        return number(node, false)
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      case 'array':
        if (node.prefixItems) return fc.tuple(...node.prefixItems.map(resolve))
        return fc.array(node.items ? resolve(node.items) : anyJson, { minLength: node.minItems ?? 0, maxLength: Math.min(node.maxItems ?? 4, (node.minItems ?? 0) + 4) })
      case 'object':
        return object(node, resolve)
      default:
        return anyJson
    }
  }
  return resolve(schema)
}
