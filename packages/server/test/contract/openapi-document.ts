import { Validator } from '@cfworker/json-schema'
import type { Schema } from '@cfworker/json-schema'
import type { JsonSchema } from './schema-arbitrary.ts'

/** The parts of an OpenAPI 3.1 document the contract tests read. */
export interface OpenApiDocument {
  servers?: { url: string }[]
  components: { schemas: Record<string, JsonSchema> }
  paths: Record<string, Record<string, Operation>>
}

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: JsonSchema
}

export interface Operation {
  operationId?: string
  security?: Record<string, string[]>[]
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> }
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: JsonSchema }> }>
}

export interface DocumentedOperation {
  method: string
  path: string
  operation: Operation
}

export function operationsOf(document: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method: method.toUpperCase(), path, operation })))
}

const base = 'https://triage.invalid/openapi.json'

/**
 * Checks answers against the document's own schemas (JSON Schema 2020-12), `$ref`s included.
 * @returns the first few errors, empty when the value fits
 */
export function schemaChecker(document: OpenApiDocument): (schema: JsonSchema, value: unknown) => string[] {
  // Refs are relative to the document; made absolute, they resolve from any schema inside it.
  const absolute = JSON.parse(JSON.stringify(document).replaceAll('"#/components/', `"${base}#/components/`)) as OpenApiDocument
  const validators = new Map<JsonSchema, Validator>()
  return (schema, value) => {
    let validator = validators.get(schema)
    if (!validator) {
      const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${base}#/components/`)) as Schema
      validator = new Validator(rebased, '2020-12', false)
      validator.addSchema(absolute as unknown as Schema, base)
      validators.set(schema, validator)
    }
    return validator
      .validate(value)
      .errors.slice(0, 5)
      .map((error) => `${error.instanceLocation} ${error.error}`)
  }
}
