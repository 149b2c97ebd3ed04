import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_CODES, isFailureCode } from '../src/core/model.js';
import { REPO_ROOT } from './helpers/shared.js';

describe('failure codes', () => {
  it('are one list, the same in the model and in the report schema', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'schema', 'report.schema.json'), 'utf8')) as {
      $defs: { InputFailure: { properties: { code: { enum: string[] } } } };
    };
    expect(schema.$defs.InputFailure.properties.code.enum).toEqual([...FAILURE_CODES]);
    expect(new Set(FAILURE_CODES).size).toBe(FAILURE_CODES.length);
  });

  it('are all documented in docs/report.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'report.md'), 'utf8');
    for (const code of FAILURE_CODES) expect(doc, code).toContain(`\`${code}\``);
  });

  it('tell a known code from any other value', () => {
    expect(isFailureCode('duplicate-input')).toBe(true);
    expect(isFailureCode('not-text')).toBe(false);
    expect(isFailureCode(7)).toBe(false);
  });
});
