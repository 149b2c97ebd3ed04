import { describe, expect, it } from 'vitest';
import { analyzeQuotes as analyze, findQuote as find, speakerName as who } from './helpers/quote-cases.js';

// Invented sentences, one class of quote error each (issue 12), each with a case that must yield no quote or keep the
// old answer.

describe('reported content does not end mid-phrase', () => {
  it('drops a conjunction left before a later cue ("defend itself and", "missile fire while")', () => {
    const s = analyze(
      'Ana Ruiz spoke for an hour, reiterating the town’s right to rebuild the harbor and calling for calm.\n\n' +
        'Earlier, the governor criticized the council’s handling of the floods while adding that help was coming.',
    );
    expect(find(s.quotes, 'the town’s right to rebuild the harbor')?.text).toBe(
      'the town’s right to rebuild the harbor',
    );
    expect(find(s.quotes, 'the council’s handling of the floods')?.text).toBe('the council’s handling of the floods');
  });

  it('keeps a pronoun or adverb that ends the sentence ("could change that.", "said so.")', () => {
    const s = analyze('Experts said the latest flood could change that.\n\nAna Ruiz said she had never said so.');
    expect(find(s.quotes, 'the latest flood')?.text).toBe('the latest flood could change that');
    expect(find(s.quotes, 'she had never')?.text).toBe('she had never said so');
  });

  it('stops before a later speaker with its own subject, at the comma', () => {
    const s = analyze('Ana Ruiz said the bridge is safe, while Tom Reyes said it needs more work.');
    expect(find(s.quotes, 'the bridge is safe')?.text).toBe('the bridge is safe');
    expect(who(s, find(s.quotes, 'it needs more work'))).toBe('Tom Reyes');
  });

  it('an asked question starts at "if" or "whether", past the person asked and the time', () => {
    const s = analyze('A reporter asked Ana Ruiz Monday afternoon after the hearing if she would resign.');
    expect(find(s.quotes, 'if she would resign')?.kind).toBe('indirect');
    expect(s.quotes.some((q) => q.text.startsWith('afternoon'))).toBe(false);
  });
});

describe('the same words are listed once for one speaker', () => {
  it('quoted words inside reported speech are part of it, not a second quote', () => {
    const s = analyze('Ana Ruiz said the storm was “the worst in a century” and the town would rebuild.');
    expect(s.quotes).toHaveLength(1);
    expect(s.quotes[0]?.kind).toBe('indirect');
  });

  it('"says that" with a whole quotation is one indirect quote holding it', () => {
    const s = analyze('Ana Ruiz says that “we will rebuild every road before winter.”');
    expect(s.quotes).toHaveLength(1);
    expect(s.quotes[0]?.text).toContain('“we will rebuild every road before winter.”');
  });

  it('a quotation that is the object of its cue stays a quote ("chanting “Rebuild now”")', () => {
    const s = analyze('Outside, about 200 residents chanting "Rebuild the harbor now" blocked the road.');
    expect(find(s.quotes, 'Rebuild the harbor now')?.kind).toBe('partial');
  });
});

describe('a quotation that goes on after its attribution', () => {
  it('keeps the speaker mention and cue of the attribution it continues', () => {
    const s = analyze('“The water came fast,” she said. “Nobody was ready for it.”');
    const b = find(s.quotes, 'Nobody was ready');
    expect(b?.cue).toBe('said');
    expect(b?.speaker?.mention?.text).toBe('she');
    expect(b?.speaker?.inferred).toBe(true);
  });

  it('a quotation in a later paragraph has no mention of its own', () => {
    const s = analyze('Ana Ruiz spoke first. “The water came fast,” she said.\n\n“Nobody was ready for it at all.”');
    expect(find(s.quotes, 'Nobody was ready')?.speaker?.mention).toBeNull();
  });
});

describe('quoted names and scare quotes are not quotes', () => {
  it('a show, book or subheading in title case is not a quote', () => {
    const s = analyze(
      'Ana Ruiz said on NBC’s “Meet the Press” that the harbor would reopen.\n\n“All Bets Are Off.”\n\nThe rain went on.',
    );
    expect(find(s.quotes, 'Meet the Press')).toBeUndefined();
    expect(find(s.quotes, 'All Bets Are Off')).toBeUndefined();
    expect(find(s.quotes, 'the harbor would reopen')?.kind).toBe('indirect');
  });

  it('a title-case quotation opening its sentence is speech ("“Harbor Is Open,” she said")', () => {
    const s = analyze('“Harbor Is Open,” she said.');
    expect(find(s.quotes, 'Harbor Is Open')?.kind).toBe('direct');
  });

  it('a show right after "told" is the hearer (negative: "told reporters, “Harbor Is Open.”" is speech)', () => {
    const s = analyze('The harbor is fine, Ana Ruiz told “Harbor Morning News,” reminding the hosts of the floods.');
    expect(s.quotes.some((q) => q.text.includes('Harbor Morning News'))).toBe(false);
    const speech = analyze('Ana Ruiz told reporters, “Harbor Is Open.”');
    expect(speech.quotes.some((q) => q.text.includes('Harbor Is Open'))).toBe(true);
  });

  it('a term after "so-called" is the reporter’s wording even where a cue governs it', () => {
    const s = analyze(
      'The council is claiming victory in the so-called “harbor bracket.” The count ended at midnight.',
    );
    expect(s.quotes.some((q) => q.text.includes('harbor bracket'))).toBe(false);
    const called = analyze('Ana Ruiz called the plan “a disgrace” on Monday.');
    expect(called.quotes.some((q) => q.text.includes('a disgrace'))).toBe(true);
  });

  it('a quoted term no cue governs is the reporter’s wording', () => {
    const s = analyze('The council debated the so-called “harbor tax” for an hour on Monday night.');
    expect(s.quotes).toEqual([]);
  });
});

describe('the speaker before a cue', () => {
  it('is found past manner adverbs ("then loudly asked") and through a gerund after a possessive', () => {
    const s = analyze(
      'Ana Ruiz then loudly asked, “Is the bridge safe?”\n\n' +
        'A source familiar with her thinking said, “She will not sign the harbor plan this year.”',
    );
    expect(find(s.quotes, 'Is the bridge safe?')?.kind).toBe('direct');
    expect(who(s, find(s.quotes, 'Is the bridge safe?'))).toBe('Ana Ruiz');
    const source = find(s.quotes, 'She will not sign the harbor plan');
    expect(source?.kind).toBe('direct');
    expect(source?.speaker?.mention?.text).toBe('A source familiar with her thinking');
  });

  it('is found through a participle clause after its noun ("Fishermen returning from the harbor said")', () => {
    const s = analyze(
      'Fishermen returning from the harbor on Friday said the wall would hold.\n\n' +
        'People briefed on the talks said the plan was dead.\n\n' +
        'Ana Ruiz was tired of waiting in line and said the wait was too long.',
    );
    expect(find(s.quotes, 'the wall would hold')?.speaker?.mention?.text).toBe('Fishermen returning from the harbor');
    expect(find(s.quotes, 'the plan was dead')?.speaker?.mention?.text).toBe('People briefed on the talks');
    // Negative: a participle after a verb, not a noun, opens no speaker phrase.
    expect(who(s, find(s.quotes, 'the wait was too long'))).toBe('Ana Ruiz');
  });

  it('keeps a place or topic after its noun ("Experts on the harbor", "observers around the country")', () => {
    const s = analyze(
      'Experts on the harbor said the new wall could hold.\n\n' +
        'Observers in the town and around the country say Ana Ruiz deserves the seat.\n\n' +
        'On Monday the mayor said the bridge was safe.\n\n' +
        'A spokesman, Tom Reyes, on Thursday evening said the port was open.',
    );
    expect(find(s.quotes, 'the new wall could hold')?.speaker?.mention?.text).toBe('Experts on the harbor');
    expect(find(s.quotes, 'Ana Ruiz deserves the seat')?.speaker?.mention?.text).toBe(
      'Observers in the town and around the country',
    );
    // Negative: a day before the subject, or between it and the cue, is no part of it.
    expect(find(s.quotes, 'the bridge was safe')?.speaker?.mention?.text).toBe('the mayor');
    expect(who(s, find(s.quotes, 'the port was open'))).toBe('Tom Reyes');
  });

  it('is found past an apposition set off by double hyphens ("Ana Ruiz -- a fisherman -- said")', () => {
    const s = analyze('Ana Ruiz -- a fisherman and author of a book on the harbor -- said the wall would hold.');
    expect(find(s.quotes, 'the wall would hold')?.speaker?.mention?.text).toBe('Ana Ruiz');
    // Negative: a cue inside the hyphens makes a clause of its own, not an apposition.
    const clause = analyze('The port -- Ana Ruiz said on Monday -- will reopen in May.');
    expect(clause.quotes.some((q) => q.speaker?.mention?.text === 'The port')).toBe(false);
  });

  it('is found through "those" and a pronoun after a link ("Those close to him say")', () => {
    const s = analyze('Those close to him say that Ana Ruiz will run.\n\nAna Ruiz told him the plan was dead.');
    expect(find(s.quotes, 'Ana Ruiz will run')?.speaker?.mention?.text).toBe('Those close to him');
    // Negative: the hearer of "told" is no speaker.
    expect(who(s, find(s.quotes, 'the plan was dead'))).toBe('Ana Ruiz');
  });

  it('a phrase of time opening the sentence is not reported content (negative: a clause before the speaker is)', () => {
    const s = analyze('At the same time, the mayor added, “we will rebuild.”');
    expect(s.quotes.map((q) => q.text)).toEqual(['we will rebuild.']);
    const clause = analyze('The harbor will reopen next spring, the mayor added, after the repairs.');
    expect(find(clause.quotes, 'The harbor will reopen next spring')?.kind).toBe('indirect');
  });
});

describe('where the speaker was looked for', () => {
  it('a quotation with no cue and nobody before it says so, with the text searched', () => {
    const text = 'The storm passed.\n\n“Nobody here has ever seen the water rise this fast in a single night.”';
    const s = analyze(text);
    const q = find(s.quotes, 'Nobody here');
    expect(q?.speaker).toBeNull();
    expect(q?.speakerSearch?.reason).toBe('no-cue');
    expect(q?.speakerSearch?.start).toBe(0);
  });

  it('an attitude with no holder and a question with no asker say why', () => {
    const s = analyze(
      'The new bridge seemed to hold up well against the floods.\n\nAsked whether the harbor would reopen, the mayor did not say.',
    );
    expect(find(s.quotes, 'The new bridge seemed')?.speakerSearch?.reason).toBe('attitude-without-holder');
    expect(find(s.quotes, 'whether the harbor would reopen')?.speakerSearch?.reason).toBe('cue-without-speaker');
  });

  it('a quote with a speaker has no search', () => {
    const s = analyze('Ana Ruiz said the harbor would reopen in May.');
    expect(s.quotes[0]?.speakerSearch).toBeUndefined();
  });
});
