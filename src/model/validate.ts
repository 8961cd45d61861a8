import { readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/** JSON Schemas of crosscheck's outputs live in schemas/<name>.schema.json (see docs/contract.md). */
const SCHEMA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
const cache = new Map<string, ValidateFunction>();
const ajv = new Ajv({ allErrors: true, strict: false });

export type SchemaName = 'dossier' | 'extract' | 'quotes' | 'cluster';

/** Returns a list of schema violations (empty when the value conforms). */
export function schemaErrors(name: SchemaName, value: unknown): string[] {
  let validate = cache.get(name);
  if (!validate) {
    const schema = JSON.parse(readFileSync(join(SCHEMA_DIR, `${name}.schema.json`), 'utf8')) as object;
    validate = ajv.compile(schema);
    cache.set(name, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}
