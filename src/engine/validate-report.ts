import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { parallaxPackage } from './package-root.js';

// ajv-formats is CommonJS: under Node's ESM interop the plugin function is the module itself or its `default`.
type FormatsPlugin = (ajv: Ajv2020) => Ajv2020;
const addFormats = ((formats as unknown as { default?: FormatsPlugin }).default ?? formats) as unknown as FormatsPlugin;

let validator: ValidateFunction | null = null;

/** The report JSON Schema (schema/report.schema.json), parsed. */
export function reportSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(parallaxPackage().root, 'schema', 'report.schema.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** Validates a report against the JSON Schema; `errors` lists each problem as "<json pointer> <message>". */
export function validateReport(report: unknown): { valid: boolean; errors: string[] } {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    validator = ajv.compile(reportSchema());
  }
  const valid = validator(report);
  const errors = (validator.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`.trim());
  return { valid, errors };
}
