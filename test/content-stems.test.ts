import { describe, expect, it } from 'vitest';
import { contentStemOf, contentStems, statementStems } from '../src/core/nlp/content-stems.js';
import { createRunContext } from '../src/core/run-context.js';

describe('content stems: one stem rule over two word splits', () => {
  it('stems a content word one way, and leaves out stop words and short words', () => {
    expect(contentStemOf('harbors', false, 'word')).toBe('harbor');
    expect(contentStemOf("mayor's", false, 'word')).toBe('mayor');
    expect(contentStemOf('harbors', true, 'word')).toBeNull();
    expect(contentStemOf('at', false, 'word')).toBeNull();
    expect(contentStemOf('12', false, 'number')).toBeNull();
  });

  it('gives the reader and the event stages the same stems for plain content words', () => {
    const line = 'Harbor pilots reopened the flooded bridges on Monday.';
    expect(new Set(contentStems(line, createRunContext()))).toEqual(statementStems(line));
  });

  it('keeps in a statement the words that tell events apart, which the reader leaves out as stop words', () => {
    const statement = 'The former mayor was hurt in the first of two floods.';
    expect(statementStems(statement)).toEqual(new Set(['former', 'mayor', 'hurt', 'first', 'two', 'flood']));
    expect(contentStems(statement, createRunContext())).not.toContain('former');
    expect(contentStems(statement, createRunContext())).toContain('flood');
  });
});
