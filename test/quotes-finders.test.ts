// The quote finder as an ordered list of finders plus refiners (issue 15), the provenance each quote carries, and the
// finders added for issue 12 (stances held by people, transcript turns, learned cues), each with cases that must yield
// nothing.
import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/core/analyze/quotes.js';
import { ARTICLE_FINDERS, REFINERS, SEGMENT_FINDERS } from '../src/core/analyze/quotes/quote-rules.js';
import { articleFromText } from '../src/core/article-from-text.js';
import { withLearnedCues } from '../src/core/analyze/quotes/find-learned-cues.js';
import { findEntities } from '../src/core/analyze/entities.js';
import type { LearnedCue } from '../src/core/lexicon/learned-cues.js';
import { readArticles } from '../src/core/pipeline.js';
import { createRunContext } from '../src/core/run-context.js';
import { analyzeQuotes as analyze, findQuote as find, speakerName as who } from './helpers/quote-cases.js';

describe('finders and refiners', () => {
  it('lists its finders and refiners in order, each with a stable kebab-case rule name', () => {
    const rules = [...SEGMENT_FINDERS, ...REFINERS, ...ARTICLE_FINDERS].map((f) => f.rule);
    for (const rule of rules) expect(rule).toMatch(/^quotes\/[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(rules).size).toBe(rules.length);
    // Reported speech skips what a quotation covers: the quotation finder runs first; stances, then learned cues, last.
    expect(SEGMENT_FINDERS[0]!.rule).toBe('quotes/quotation');
    expect(SEGMENT_FINDERS.at(-2)!.rule).toBe('quotes/stance-object');
    expect(SEGMENT_FINDERS.at(-1)!.rule).toBe('quotes/learned-cue');
  });

  it('gives every quote the provenance of the finder that proposed it', () => {
    const s = analyze(
      [
        'Mayor Dana Ortiz said the bridge would reopen in May.',
        '"We will not wait another winter," Ortiz said. "The money is there."',
        'According to the highway agency, repairs will cost $4 million.',
      ].join('\n\n'),
    );
    const rules = s.quotes.map((q) => [q.text.slice(0, 16), q.provenance.stage, q.provenance.rule]);
    expect(rules).toEqual([
      ['the bridge would', 'quotes', 'quotes/reported-speech'],
      ['We will not wait', 'quotes', 'quotes/quotation'],
      ['The money is the', 'quotes', 'quotes/continued-quotation'],
      ['repairs will cos', 'quotes', 'quotes/reported-speech'],
    ]);
  });

  it('names the carried speaker and the long quotation without one by their own rules', () => {
    const s = analyze(
      [
        'Councilwoman Ada Ruiz spoke first. "We have waited long enough," she said.',
        '"Nobody in this room believes the plan will be finished on time, and everyone knows it."',
      ].join('\n\n'),
    );
    expect(find(s.quotes, 'Nobody in this room')?.provenance.rule).toBe('quotes/carried-speaker');
    const alone = analyze('"Nobody in this room believes the plan will be finished on time, and everyone knows it."');
    expect(find(alone.quotes, 'Nobody in this room')?.provenance.rule).toBe('quotes/unattributed-quotation');
  });

  it('keeps per-run memos in the run context: the same input gives the same quotes in two runs', () => {
    const article = articleFromText(
      'a',
      'Sen. Mara Holt said she would vote against the bill. She added that it costs too much.',
    );
    const first = findQuotes([article], [], createRunContext());
    const second = findQuotes([article], [], createRunContext());
    expect(second).toEqual(first);
  });
});

describe('stances held by people (quotes/stance-object)', () => {
  it('attributes the object of "supported" to a group of voters, even one word long', () => {
    const s = analyze('In the exit poll, about 6 in 10 young voters supported Sanders.');
    const q = find(s.quotes, 'Sanders');
    expect(q?.provenance.rule).toBe('quotes/stance-object');
    expect(q?.kind).toBe('indirect');
    expect(q?.cue).toBe('supported');
    expect(q?.speaker?.mention?.text).toMatch(/voters$/);
  });

  it('attributes what people who want something want', () => {
    const s = analyze('Many voters who want a switch to more liberal policies stayed home on Tuesday.');
    const q = find(s.quotes, 'a switch to more liberal policies');
    expect(q?.provenance.rule).toBe('quotes/stance-object');
  });

  it('attributes a stance of a named person', () => {
    const s = analyze('Governor Ellen Marsh endorsed Reyes.');
    const q = find(s.quotes, 'Reyes');
    expect(q?.provenance.rule).toBe('quotes/stance-object');
    expect(who(s, q)).toMatch(/Ellen Marsh$/);
  });

  it('finds no stance where the subject names no people ("the beam supports the roof")', () => {
    expect(analyze('The old oak beam supports the roof of the barn.').quotes).toEqual([]);
    expect(analyze('Two steel cables back the tower against the wind.').quotes).toEqual([]);
  });

  it('finds no stance in a passive, a phrasal verb, a negation or a noun', () => {
    expect(analyze('The measure was backed by most of the town council.').quotes).toEqual([]);
    expect(analyze('Then the candidates were backing down from the fight.').quotes).toEqual([]);
    // A negated stance is left to the learned cues, which keep the negation in the cue ("not support").
    const negated = analyze('Most voters do not support the new tax on fuel.').quotes;
    expect(negated.filter((q) => q.provenance.rule === 'quotes/stance-object')).toEqual([]);
    const noun = analyze('Their support for the plan surprised the council.').quotes;
    expect(noun.filter((q) => q.provenance.rule === 'quotes/stance-object')).toEqual([]);
  });

  it('leaves a stance to the reported speech that already holds it', () => {
    const s = analyze('Mayor Dana Ortiz said most residents support the new bridge.');
    expect(s.quotes.map((q) => q.provenance.rule)).toEqual(['quotes/reported-speech']);
  });
});

describe('transcript turns (quotes/transcript-turn)', () => {
  const interview = [
    'The senator spoke to us on Friday.',
    'Q: What will you do about the bridge over the river?',
    'A: We will rebuild it before the winter, and we will pay for it without new taxes.',
    'Q: And the schools?',
  ].join('\n\n');

  it("gives each turn's words to its label", () => {
    const s = analyze(interview);
    const answer = find(s.quotes, 'We will rebuild it');
    expect(answer?.provenance.rule).toBe('quotes/transcript-turn');
    expect(answer?.speaker?.name).toBe('A');
    expect(answer?.text).toBe('We will rebuild it before the winter, and we will pay for it without new taxes.');
    expect(find(s.quotes, 'What will you do')?.speaker?.name).toBe('Q');
  });

  it('takes a name in capitals for a turn label', () => {
    const s = analyze(
      ['HALE: I never said the plan was finished.', 'MORROW: Then tell the voters what is missing from it.'].join(
        '\n\n',
      ),
    );
    expect(find(s.quotes, 'I never said the plan')?.speaker?.name).toBe('HALE');
  });

  it('reads a transcript quoted whole (every paragraph opening with a quotation mark) turn by turn', () => {
    const s = analyze(
      [
        'Partial transcript as follows:',
        '"HALE:\u00a0 Governor, will the ferry run this winter?',
        '"MORROW: It will. We have the money for the \u201cnorthern route\u201d and the crews.',
        '"And the harbor office agreed to it last week.',
        '"HALE: Thank you, Governor."',
      ].join('\n\n'),
    );
    const turns = s.quotes.filter((q) => q.provenance.rule === 'quotes/transcript-turn');
    expect(turns.map((q) => [q.speaker?.name, q.text])).toEqual([
      ['HALE', 'Governor, will the ferry run this winter?'],
      [
        'MORROW',
        'It will. We have the money for the \u201cnorthern route\u201d and the crews.\n\n"And the harbor office agreed to it last week.',
      ],
      ['HALE', 'Thank you, Governor.'],
    ]);
    // The paragraphs' opening marks are the convention, not quotations that run from one turn into the next.
    expect(s.quotes.some((q) => q.kind === 'direct' && q.text.includes('HALE'))).toBe(false);
  });

  it('does not read one capitalized label, a note or a headline label as a transcript', () => {
    expect(find(analyze('EXCLUSIVE: Mayor plans to close three schools next year.').quotes, 'Mayor plans')).toBe(
      undefined,
    );
    const notes = analyze(
      ['UPDATE: The road reopened at noon on Sunday.', 'CORRECTION: An earlier version misstated the date.'].join(
        '\n\n',
      ),
    );
    expect(notes.quotes).toEqual([]);
  });
});

describe('cues learned from the train split (quotes/learned-cue)', () => {
  // A lexicon written for these cases, so that they test the finder's rules whatever the learner keeps.
  const sentence: LearnedCue = { content: 'after-sentence', subject: 'any' };
  const lexicon = new Map<string, LearnedCue>(
    [
      'questions about/NOUN',
      'that/SCONJ',
      'agreed to/VERB',
      'started/VERB',
      'launching/VERB',
      'worried/VERB',
      'targeted/VERB',
      'respond to/VERB',
      'called/VERB',
      'statements/NOUN',
      'following/VERB',
      'voiced/VERB',
    ].map((key) => [key, sentence]),
  );
  const learned = (text: string) => {
    const { articles } = readArticles([{ id: 't', source: 't', format: 'text', content: text, meta: {} }]);
    const entities = findEntities(articles);
    const quotes = findQuotes(articles, entities, withLearnedCues(createRunContext(), { lexicon }));
    return quotes.filter((q) => q.provenance.rule === 'quotes/learned-cue');
  };

  it('gives a verb with no subject of its own the subject its sentence names, as inferred', () => {
    const [q] = learned('Mayor Dana Ortiz toured the harbor on Monday and voiced support for a new ferry line.');
    expect(q?.text).toBe('support for a new ferry line');
    expect(q?.speaker?.name).toBe('Dana Ortiz');
    expect(q?.speaker?.inferred).toBe(true);
    const [h] = learned('She toured the harbor on Monday and voiced support for a new ferry line.');
    expect(h?.speaker?.mention?.text).toBe('She');
    // A sentence that names nobody gives no speaker.
    const [t] = learned('After the vote, and again on Monday, voiced support for a new ferry line.');
    expect(t?.text).toBe('support for a new ferry line');
    expect(t?.speaker).toBeNull();
  });

  it('reports the content after a learned cue, with its subject as speaker', () => {
    const [q, ...rest] = learned('Several council members voiced their support for the new bridge over the river.');
    expect(rest).toEqual([]);
    expect(q?.kind).toBe('indirect');
    expect(q?.cue).toBe('voiced');
    expect(q?.text).toBe('their support for the new bridge over the river');
    expect(q?.speaker?.mention?.text).toMatch(/members$/);
  });

  it('reads a two-word form and says where it looked when nobody is named', () => {
    const [q] = learned('The report raised new questions about the safety of the old harbor crane.');
    expect(q?.cue).toBe('questions about');
    expect(q?.text).toBe('the safety of the old harbor crane');
    expect(q?.speaker).toBeNull();
    expect(q?.speakerSearch?.reason).toBe('cue-without-speaker');
  });

  it('takes a function word with the word before it as the cue, the subject of its verb as speaker', () => {
    const [q] = learned('Mayor Dana Ortiz made the argument that the harbor will reopen by spring.');
    expect(q?.cue).toBe('argument that');
    expect(q?.text).toBe('the harbor will reopen by spring');
    expect(q?.speaker?.name).toMatch(/Ortiz$/);
  });

  it('keeps a negation in the cue, as PolNeAR attributes negated cues', () => {
    const [q] = learned('The two governors never agreed to share the cost of the new ferry line.');
    expect(q?.cue).toBe('never agreed to');
    expect(q?.speaker?.mention?.text).toMatch(/governors$/);
  });

  it("gives a noun cue its possessor's name", () => {
    const [q] = learned("Mayor Dana Ortiz's sharp questions about the harbor deal went unanswered.");
    expect(q?.cue).toBe('questions about');
    expect(q?.speaker?.name).toMatch(/Ortiz$/);
  });

  it('ends a content cut by a quotation on a whole phrase', () => {
    const [q] = learned('Rep. Ada Ruiz, who called the new levy a tax on the poor and said "we will fight it," left.');
    expect(q?.text).toBe('the new levy a tax on the poor');
    expect(q?.speaker?.name).toMatch(/Ada Ruiz$/);
  });

  it('finds nothing in narration: verbs of aspect, a subject of things, a names-only object', () => {
    expect(learned('Then the rebels started launching rockets into the city.')).toEqual([]);
    expect(learned('The airstrikes that have targeted the port killed dozens of sailors.')).toEqual([]);
    expect(learned('The loss sent already worried donors into a full-blown panic.')).toEqual([]);
    expect(learned('On Friday, Mayor Ortiz called Governor Ellen Marsh, the state leader.')).toEqual([]);
    expect(learned('A reporter asked Ortiz on Monday following a press conference at the port.')).toEqual([]);
  });

  it('finds nothing where the form is the subject of a clause, or asks for comment', () => {
    expect(learned('Such statements have to be agreed on by every member.')).toEqual([]);
    expect(learned('The company did not respond to requests for comment on Wednesday.')).toEqual([]);
  });

  it('finds nothing in a title-case headline or inside a quote already found', () => {
    expect(learned('Senators Raise Questions About The Harbor Deal')).toEqual([]);
    const s = learned('Ortiz said the council agreed to raise the harbor fees next year.');
    expect(s).toEqual([]);
  });
});

describe('quotations inside a longer statement (quotes/clause-tail)', () => {
  const rule = (q: { provenance: { rule: string } } | undefined) => q?.provenance.rule;

  it('takes the rest of the clause after a quotation that the sentence goes on after', () => {
    const s = analyze('“You starved the ferry service for years” to pay for the stadium, Ortiz told the council.');
    const q = s.quotes.find((x) => x.text.includes('starved the ferry'));
    expect(q?.text).toBe('“You starved the ferry service for years” to pay for the stadium');
    expect(q?.kind).toBe('partial');
    expect(rule(q)).toBe('quotes/clause-tail');
  });

  it('joins quoted words listed with a conjunction', () => {
    const s = analyze('The governor keeps calling his rivals “cowards” and “quitters.”');
    expect(s.quotes.some((q) => q.text === '“cowards” and “quitters.”')).toBe(true);
  });

  it('leaves a quotation that ends its sentence, or that its attribution follows', () => {
    const ended = analyze('“We will open the bridge in May.” The contractor agreed on Monday.');
    expect(ended.quotes.some((q) => rule(q) === 'quotes/clause-tail')).toBe(false);
    const attributed = analyze('“We will open the bridge in May” she said on Monday.');
    expect(attributed.quotes.some((q) => rule(q) === 'quotes/clause-tail')).toBe(false);
  });

  it('stops before an attribution after a comma and does not end on a dangling word', () => {
    const s = analyze('“This plan is a gift to developers” at our expense, the mayor said on Friday.');
    const q = s.quotes.find((x) => x.text.includes('a gift to developers'));
    expect(q?.text).toBe('“This plan is a gift to developers” at our expense');
    const dangling = analyze('Ortiz said the budget was “not finished” and “far from fair” before the vote.');
    expect(dangling.quotes.every((x) => !/\b(and|or|to)$/.test(x.text))).toBe(true);
  });
});
