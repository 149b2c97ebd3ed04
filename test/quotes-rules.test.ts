import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeQuotes as analyze, findQuote as find, speakerName as who } from './helpers/quote-cases.js';
import { describeShared, SHARED_DIR } from './helpers/shared.js';

describe('quotation marks', () => {
  it("reads two apostrophes as a double quotation mark (''like this'')", () => {
    const s = analyze("''We will not back down from this fight,'' Senator Maria Lopez said on Tuesday.");
    const q = find(s.quotes, 'We will not back down');
    expect(q?.kind).toBe('direct');
    expect(q?.text).toBe('We will not back down from this fight');
    expect(who(s, q)).toBe('Maria Lopez');
  });

  it('does not take possessive apostrophes or contractions for quotation marks', () => {
    const s = analyze("The Joneses' house stood at the end of the road, and the owners' dog barked at rock 'n' roll.");
    expect(s.quotes).toEqual([]);
  });
});

describe('direct or partial', () => {
  it('a quotation right after its cue that ends the sentence is direct', () => {
    const s = analyze('The mayor says "the budget will be balanced by next spring."');
    expect(find(s.quotes, 'the budget will be balanced')?.kind).toBe('direct');
  });

  it('a quotation after a colon that ends the sentence is direct', () => {
    const s = analyze('The governor gave the crowd one message: "Go out and vote on Tuesday."');
    expect(find(s.quotes, 'Go out and vote')?.kind).toBe('direct');
  });

  it('a quotation set off by a comma with its attribution right after is direct', () => {
    const s = analyze('Despite the mood in the room, "I think she will do it," said Laura Chen, a delegate.');
    const q = find(s.quotes, 'I think she will do it');
    expect(q?.kind).toBe('direct');
    expect(who(s, q)).toBe('Laura Chen');
  });

  it('a quoted fragment inside reported speech is listed once, as part of it', () => {
    const s = analyze('Governor Tom Hale says the state is "losing the war on drugs," among other failures.');
    expect(find(s.quotes, 'losing the war on drugs')).toBeUndefined();
    const q = find(s.quotes, 'the state is "losing the war on drugs,"');
    expect(q?.kind).toBe('indirect');
    expect(s.quotes).toHaveLength(1);
  });

  it('a quoted fragment no cue governs is the reporter’s wording, not a quote', () => {
    const s = analyze('The mayor spoke about the issue of "urban renewal" at length before the vote on Monday.');
    expect(find(s.quotes, 'urban renewal')).toBeUndefined();
  });
});

describe('speakers', () => {
  it('skips an apposition between the speaker and the cue', () => {
    const s = analyze('Anna Weber, a spokeswoman for the city council, said the vote would be delayed.');
    const q = find(s.quotes, 'the vote would be delayed');
    expect(who(s, q)).toBe('Anna Weber');
    expect(q?.kind).toBe('indirect');
  });

  it('skips several appositions, a party label in parentheses and a dash apposition', () => {
    const s = analyze(
      'Rep. Carl Dunn (D-Ohio), who wrote the bill, said the rules were unfair.\n\n' +
        'Mark Ellis, 54, a farmer from Iowa, said prices had fallen again.\n\n' +
        'Later, Paula Grant — named by the paper as a likely nominee — told reporters that she would wait.',
    );
    expect(who(s, find(s.quotes, 'the rules were unfair'))).toBe('Carl Dunn');
    expect(who(s, find(s.quotes, 'prices had fallen'))).toBe('Mark Ellis');
    expect(who(s, find(s.quotes, 'she would wait'))).toBe('Paula Grant');
  });

  it('takes the content before an inverted attribution, not the apposition after it', () => {
    const s = analyze('The committee has raised about $40 million so far, said Peter Novak, its chairman.');
    expect(find(s.quotes, 'The committee has raised')?.speaker?.name).toBe('Peter Novak');
    expect(find(s.quotes, 'its chairman')).toBeUndefined();
  });

  it('reports nothing after "said X, a ..." that follows a quotation', () => {
    const s = analyze('"We are ready," said Omar Haddad, a lawyer for the family.');
    expect(s.quotes.map((q) => q.text)).toEqual(['We are ready']);
  });

  it('joins an attribution sentence to the quotation that closes before it', () => {
    const s = analyze('"Nobody saw this coming." Ruiz said.\n\nThe next meeting is in May.');
    expect(who(s, find(s.quotes, 'Nobody saw this coming'))).toBe('Ruiz');
  });

  it('gives a quotation after a colon to the one who introduced it, in the paragraph before too', () => {
    const s = analyze(
      'After the vote, Senator Helen Park issued the following statement:\n\n' +
        '"Today the chamber chose to protect working families."\n\n' +
        'Jacob Stern: "This bill is a mistake for the whole state."',
    );
    expect(who(s, find(s.quotes, 'Today the chamber chose'))).toBe('Helen Park');
    expect(who(s, find(s.quotes, 'This bill is a mistake'))).toBe('Jacob Stern');
  });

  it('takes a long inverted speaker phrase right after a quotation', () => {
    const s = analyze('"The rules are a joke," wrote a student from Ohio going by the name Redbird.');
    expect(find(s.quotes, 'The rules are a joke')?.speaker?.name).toBe('a student');
  });

  it('reads "went on" after a quotation and "goes on to say" as cues, "went on rising" as none', () => {
    const s = analyze(
      '"Is that right?" Warren Blake went on, as if nobody had spoken.\n\n' +
        'The report goes on to say: "The agency failed to act in time."\n\nPrices went on rising for weeks.',
    );
    expect(who(s, find(s.quotes, 'Is that right?'))).toBe('Warren Blake');
    expect(find(s.quotes, 'The agency failed to act')?.cue).toBe('goes on to say');
    expect(s.quotes.some((q) => q.text.includes('rising'))).toBe(false);
  });

  it('does not give a colon quotation a speaker the clause does not name', () => {
    const s = analyze('Then came the most obvious change of all: "It is about time we had a new plan for this city."');
    expect(find(s.quotes, 'It is about time')?.speaker).toBeNull();
  });

  it('resolves "she" to a woman, not to the man who spoke last', () => {
    const s = analyze('Mrs. Alvarez arrived first. "We will win," Mr. Brandt said. "It is over," she said.');
    expect(who(s, find(s.quotes, 'It is over'))).toBe('Alvarez');
  });
});

describe('cues of stance and evidence', () => {
  it('attributes the object of a stance verb and of "polls show"', () => {
    const s = analyze(
      'Senator Ruth Okafor criticized the governor for cutting school funding.\n\n' +
        'Polls show that most voters favor the new tax on carbon.',
    );
    const a = find(s.quotes, 'the governor for cutting');
    expect(a?.cue).toBe('criticized');
    expect(who(s, a)).toBe('Ruth Okafor');
    expect(find(s.quotes, 'most voters favor')?.speaker?.name).toBe('Polls');
  });

  it('reads "called" as naming or demanding, not as phoning', () => {
    const s = analyze(
      'Mayor Dan Price called the plan "a disaster for the city."\n\n' +
        'Governor Lee Tran called for an end to the strike.\n\n' +
        'President Jana Holt called Prime Minister Ivo Sand on Monday.',
    );
    expect(find(s.quotes, 'the plan')?.cue).toBe('called');
    expect(find(s.quotes, 'for an end to the strike')?.cue).toBe('called');
    expect(s.quotes.some((q) => q.text.includes('Ivo Sand'))).toBe(false);
  });

  it('ignores passives and phrasal verbs', () => {
    const s = analyze(
      'The mayor was criticized by neighbors on social media last week.\n\nA large crowd showed up in the square.',
    );
    expect(s.quotes).toEqual([]);
  });

  it('reads "reads:" as giving a text, "read the book" as reading', () => {
    const s = analyze('The banner reads: "Stop the war now please." He read the book twice and liked it a lot.');
    expect(s.quotes.map((q) => [q.text, q.cue])).toEqual([['Stop the war now please.', 'reads']]);
  });
});

describe('content spans', () => {
  it('takes the content before a trailing "according to" without a comma, and the longer part around one', () => {
    const s = analyze(
      'Turnout rose by four points in the city according to figures released Monday.\n\n' +
        'Missing from the meeting, according to two members who attended, was any talk of the budget cuts.',
    );
    expect(find(s.quotes, 'Turnout rose by four points')?.cue).toBe('according to');
    expect(find(s.quotes, 'was any talk of the budget')?.cue).toBe('according to');
  });

  it('keeps the reporter’s clause around a quoted fragment before a trailing attribution', () => {
    const s = analyze('The defeat of the bill was "heartbreaking," she said.');
    expect(find(s.quotes, 'The defeat of the bill')?.kind).toBe('indirect');
  });

  it('ends the content of a cue in a relative clause at the clause, and keeps the longer part around ", she said,"', () => {
    const s = analyze(
      'Leon Marsh, who had said he would debate anyone, criticized the format on Friday.\n\n' +
        'The question of whether the plant should close, she said, is for the voters to decide.',
    );
    expect(find(s.quotes, 'he would debate')?.text).toBe('he would debate anyone');
    expect(find(s.quotes, 'The question of whether the plant')?.cue).toBe('said');
  });
});

describeShared('quotes on PolNeAR articles', () => {
  it("finds direct quotes in articles that mark them with two apostrophes ('')", () => {
    const file = join(SHARED_DIR, 'eval', 'quotes', 'polnear-dev.jsonl');
    const docs = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes("''"))
      .slice(0, 3)
      .map((l) => JSON.parse(l) as { id: string; text: string });
    expect(docs.length).toBeGreaterThan(0);
    for (const doc of docs) {
      const s = analyze(doc.text);
      const direct = s.quotes.filter((q) => q.kind === 'direct');
      expect(direct.length).toBeGreaterThan(0);
      for (const q of direct) expect(q.text.startsWith("'")).toBe(false);
    }
  });
});
