import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../src/core/model.js';
import { analyze } from '../src/engine/api.js';
import { validateReport } from '../src/engine/validate-report.js';
import { REPO_ROOT, describeShared, seedNames, seedPath } from './helpers/shared.js';

const SAMPLE = join(REPO_ROOT, 'examples', 'sample-story');

/** Analyzes inputs through the public API with a pinned reference date and returns the report. */
async function reportOf(inputs: string[]): Promise<Report> {
  const { report } = await analyze(inputs, { referenceDate: '2021-05-17' });
  return report;
}

describe.skipIf(!existsSync(SAMPLE))('the sample story report', () => {
  it('passes the schema', async () => {
    const report = await reportOf([SAMPLE]);
    expect(report.articles.length).toBeGreaterThan(0);
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
  });
});

describeShared('seed reports', () => {
  it.each(seedNames())('%s as its own story passes the schema', async (name) => {
    const report = await reportOf([seedPath(name)]);
    expect(report.articles).toHaveLength(1);
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
  });

  describe('the five seeds together', () => {
    let report: Report;
    beforeAll(async () => {
      report = await reportOf(seedNames().map(seedPath));
    });

    it('pass the schema', () => {
      expect(report.articles).toHaveLength(seedNames().length);
      expect(validateReport(report)).toEqual({ valid: true, errors: [] });
    });

    it('fail validation once broken, naming where (negative tests)', () => {
      const broken = (mutate: (copy: Record<string, unknown>) => void): string[] => {
        const copy = structuredClone(report) as unknown as Record<string, unknown>;
        mutate(copy);
        const result = validateReport(copy);
        expect(result.valid).toBe(false);
        return result.errors;
      };
      expect(broken((r) => (r.schemaVersion = 2))).toContain('/schemaVersion must be equal to constant');
      expect(broken((r) => delete r.articles)).toContain("/ must have required property 'articles'");
      expect(broken((r) => (r.surprise = true))).toContain('/ must NOT have additional properties');
      expect(
        broken((r) => {
          const articles = r.articles as Record<string, unknown>[];
          articles[0]!.text = 42;
        }),
      ).toContain('/articles/0/text must be string');
      expect(
        broken((r) => {
          const articles = r.articles as { sentences: { start: number }[] }[];
          articles[0]!.sentences[0]!.start = -1;
        }),
      ).toContain('/articles/0/sentences/0/start must be >= 0');
      expect(
        broken((r) => {
          const articles = r.articles as { publishedAt: unknown }[];
          articles[0]!.publishedAt = { value: 'yesterday', inferred: false, basis: 'x' };
        }).some((e) => e.startsWith('/articles/0/publishedAt')),
      ).toBe(true);
    });
  });
});

describe('validateReport on hand-made reports', () => {
  const minimal = {
    schemaVersion: 1,
    generator: { name: 'parallax', version: '0.1.0' },
    story: { id: 'abc', title: null, articleCount: 0, referenceDate: null },
    articles: [],
    failures: [{ source: 'x.txt', code: 'empty-input', message: 'x.txt: the input is empty' }],
  };

  it('accepts a report with only the required sections', () => {
    expect(validateReport(minimal)).toEqual({ valid: true, errors: [] });
  });

  it('rejects a wrong generator, a bad citation and a bad enum value', () => {
    expect(validateReport({ ...minimal, generator: { name: 'other', version: '1' } }).valid).toBe(false);
    const badCitation = {
      ...minimal,
      summary: { text: 'x', sentences: [{ text: 'x', citations: [{ articleId: 'a', start: 'zero', end: 1 }] }] },
    };
    expect(validateReport(badCitation).errors).toContain('/summary/sentences/0/citations/0/start must be integer');
    const badKind = {
      ...minimal,
      facts: [{ id: 'f', statement: 's', citations: [], articleIds: [], independentSources: 0, kind: 'many' }],
    };
    expect(validateReport(badKind).errors).toContain('/facts/0/kind must be equal to one of the allowed values');
  });
});
