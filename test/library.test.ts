import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, extract, renderMarkdown, validateReport } from '../src/index.js';
import { REPO_ROOT } from './helpers/shared.js';

const SAMPLE = join(REPO_ROOT, 'examples', 'sample-story');

describe('the library API (src/index.ts) on the bundled sample story', () => {
  it('analyzes a folder into a report that passes the schema', async () => {
    const { report, failures } = await analyze([SAMPLE]);
    expect(failures).toEqual([]);
    expect(report.articles.map((a) => a.id)).toEqual([
      'coastal-ledger',
      'harbor-herald',
      'northern-wire',
      'valley-dispatch',
    ]);
    expect(validateReport(report)).toEqual({ valid: true, errors: [] });
    expect(renderMarkdown(report)).toContain('## Summary');
  });

  it('titles the story with the summary headline, which opens the summary', async () => {
    const { report } = await analyze([SAMPLE]);
    const headline = report.summary?.headline;
    expect(headline).toBeDefined();
    expect(report.summary?.sentences[0]?.text).toBe(headline);
    expect(report.story.title).toBe(headline?.replace(/\.$/, ''));
    // The headline is one of the outlets' own titles, not a sentence invented here.
    const titles = report.articles.map((a) => a.title?.replace(/\.$/, ''));
    expect(titles).toContain(report.story.title);
  });

  it('extracts cleaned documents and names a failed input with its reason', async () => {
    const missing = join(SAMPLE, 'no-such-file.txt');
    const { documents, failures } = await extract([join(SAMPLE, 'valley-dispatch.txt'), missing]);
    expect(documents).toHaveLength(1);
    expect(documents[0]?.text).not.toContain('CLICK HERE');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.source).toContain('no-such-file.txt');
  });
});
