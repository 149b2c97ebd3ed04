import { describe, expect, it } from 'vitest';
import { analyzeQuotes as analyze, findQuote as find, speakerName as who } from './helpers/quote-cases.js';

// Invented sentences, one rule each: the cue classes and speaker rules added to raise PolNeAR recall and speaker
// accuracy (see scripts/eval-quotes.ts), each with a case that must yield nothing or keep the old answer.

describe('intention verbs with an infinitive', () => {
  it('"plans to" attributes the infinitive to the subject', () => {
    const s = analyze(
      'The harbor was quiet on Sunday. Governor Alma Reyes plans to visit the flooded towns next week.',
    );
    const q = find(s.quotes, 'to visit the flooded towns');
    expect(q?.kind).toBe('indirect');
    expect(who(s, q)).toBe('Alma Reyes');
  });

  it('"plans" as a noun, and "tried to" (below break-even on train), attribute nothing', () => {
    const s = analyze('The council has new plans for the park. The crew tried to finish the fence before dark.');
    expect(s.quotes).toEqual([]);
  });
});

describe('attitudes with no holder (seem, appear, be expected, be seen as)', () => {
  it('gives the whole clause, with no speaker', () => {
    const s = analyze('The storm had weakened overnight. The new bridge seemed to hold up well against the floods.');
    const q = find(s.quotes, 'The new bridge seemed to hold up');
    expect(q?.kind).toBe('indirect');
    expect(q?.cue).toBe('seemed');
    expect(q?.speaker).toBeNull();
  });

  it('"is expected to" and "is seen as" are attitudes too', () => {
    const s = analyze(
      'The vote is expected to take place on Friday afternoon.\n\nThe treasurer is seen as a steady hand in the crisis.',
    );
    expect(find(s.quotes, 'The vote is expected')?.cue).toBe('expected');
    expect(find(s.quotes, 'The treasurer is seen as')?.cue).toBe('seen');
  });

  it('"appeared" as a verb of coming into view, and "expected" without "be ... to", attribute nothing', () => {
    const s = analyze('A small boat appeared on the horizon at dawn. The results came sooner than expected.');
    expect(s.quotes).toEqual([]);
  });
});

describe('a sentence opening with its source ("In a poll ..., ...")', () => {
  it('gives the clause after the comma, spoken by the frame', () => {
    const s = analyze(
      'In a survey released by the university on Monday, most residents rode the new tram line at least once.',
    );
    const q = find(s.quotes, 'most residents rode the new tram line');
    expect(q?.kind).toBe('indirect');
    expect(q?.speaker?.mention?.text).toContain('survey');
  });

  it('a trailing "in the polls" attributes the finding before it', () => {
    const s = analyze('The challenger holds a narrow lead in the latest statewide polls.');
    const q = find(s.quotes, 'The challenger holds a narrow lead');
    expect(q?.cue).toBe('in');
    expect(q?.speaker?.mention?.text).toBe('the latest statewide polls');
  });

  it('an opening "In" of time or place attributes nothing', () => {
    const s = analyze('In the spring of that year, the farmers planted corn along the river in the valley.');
    expect(s.quotes).toEqual([]);
  });
});

describe('"Asked whether ..." opening a sentence', () => {
  it('gives the question as an attribution of its own', () => {
    const s = analyze('Asked whether the plant would close, the manager shook her head and left the room.');
    const q = find(s.quotes, 'whether the plant would close');
    expect(q?.cue).toBe('Asked');
    expect(q?.kind).toBe('indirect');
  });

  it('"asked" as a plain verb later in a sentence is not a question opener', () => {
    const s = analyze('The children asked for more time on the playground after lunch.');
    expect(find(s.quotes, 'whether')).toBeUndefined();
    expect(s.quotes.every((q) => q.cue !== 'Asked')).toBe(true);
  });
});

describe('labelled headlines ("Name: claim")', () => {
  it('gives the claim with the named label as its speaker', () => {
    const s = analyze(
      'Senator Marta Kowalski: Budget Deal Is Dead Without Rail Funding.\n\nSenator Marta Kowalski spoke to reporters in the capital on Monday about the budget.',
    );
    const q = find(s.quotes, 'Budget Deal Is Dead');
    expect(q?.kind).toBe('indirect');
    expect(who(s, q)).toBe('Marta Kowalski');
  });

  it('an editor’s note, a clock time or a quotation after the colon is no labelled claim', () => {
    const s = analyze(
      'Editor’s note: This story was updated with new figures.\n\n3:05 p.m.\n\nStill to come: results from the western counties.',
    );
    expect(s.quotes.filter((q) => q.cue === ':')).toEqual([]);
  });
});

describe('speaker phrases', () => {
  it('a participle modifier belongs to the phrase ("organizing director X told")', () => {
    const s = analyze(
      'Workers left the warehouse at noon.\n\n"We will stay out until they listen," organizing director Dana Whitfield told the crowd.',
    );
    expect(who(s, find(s.quotes, 'We will stay out'))).toBe('Dana Whitfield');
  });

  it('a proportion speaks ("Six in 10 say"), and "say" as a noun does not', () => {
    const s = analyze('Six in 10 say the mayor is doing a good job. Residents want to have a say in the plan.');
    expect(who(s, find(s.quotes, 'the mayor is doing a good job'))).toBe('Six in 10');
    expect(find(s.quotes, 'in the plan')).toBeUndefined();
  });

  it('a subject after "as" or "after" speaks ("just as the band announced ...")', () => {
    const s = analyze('Ticket sales rose just as the Silver Harbor Band announced a second concert in the fall.');
    expect(find(s.quotes, 'a second concert in the fall')?.cue).toBe('announced');
  });

  it('a party-and-state parenthesis does not cut the attribution from its quotation', () => {
    const s = analyze(
      'The bill passed the committee.\n\n“This is a good day for the farmers,” Sen. Paul Grady (D-N.Y.) said Tuesday.',
    );
    expect(who(s, find(s.quotes, 'This is a good day'))).toBe('Paul Grady');
  });

  it('a label with a parenthesis introduces the quotation after its colon', () => {
    const s = analyze('The hearing went on.\n\nRep. Nora Blake (R-Ohio): "I have never seen those numbers before."');
    expect(who(s, find(s.quotes, 'I have never seen those numbers'))).toBe('Nora Blake');
  });

  it('a quotation ending in a question mark keeps a long attribution that follows', () => {
    const s = analyze(
      'The crowd was loud.\n\n"Do you think I am going to quit?" Mayor Dan Ortiz asked reporters at the back of the hall on Monday.',
    );
    expect(who(s, find(s.quotes, 'Do you think I am going to quit'))).toBe('Dan Ortiz');
  });

  it('a reply verb right after a quotation attributes it ("..., X responded.")', () => {
    const s = analyze('The question was blunt.\n\n“We answer every question we get,” Mayor Dan Ortiz responded.');
    expect(who(s, find(s.quotes, 'We answer every question'))).toBe('Dan Ortiz');
  });

  it('"pressed" right after a quotation attributes it; "pressed the button" does not', () => {
    const s = analyze(
      'The interview grew tense.\n\n“Would you sign the bill tomorrow?” anchor Lisa Monroe pressed.\n\nThe guard pressed the button twice and the gate opened slowly.',
    );
    expect(who(s, find(s.quotes, 'Would you sign the bill'))).toBe('Lisa Monroe');
    expect(s.quotes.filter((q) => q.cue === 'pressed')).toHaveLength(1);
  });

  it('a pronoun opening a colon clause takes the person it refers to', () => {
    const s = analyze(
      'Mayor Linda Carver spoke first at the rally.\n\nShe then turned to the crowd again: “Here is what I promise. The roads get fixed.”',
    );
    expect(who(s, find(s.quotes, 'Here is what I promise'))).toBe('Linda Carver');
  });

  it('"responded with" inside a sentence is still no cue', () => {
    const s = analyze('The city responded with a new plan for the harbor and the old docks.');
    expect(s.quotes).toEqual([]);
  });
});

describe('signed quotations ("- Name." on the next line)', () => {
  it('gives the quotation to the signer', () => {
    const s = analyze(
      'A reader check of the week.\n\n"Every child in this state deserves a warm lunch at school."\n\n- Gov. Helen Marsh.\n\nThe claim needs context.',
    );
    expect(who(s, find(s.quotes, 'Every child in this state'))).toBe('Helen Marsh');
  });

  it('a dash line that names no one signs nothing', () => {
    const s = analyze(
      'A reader check of the week.\n\n"Every child in this state deserves a warm lunch at school and at home."\n\n- more below.',
    );
    expect(find(s.quotes, 'Every child in this state')?.speaker).toBeNull();
  });
});

describe('pronouns and given names', () => {
  it('"she" does not go to the last speaker when the given name is a man’s', () => {
    const s = analyze(
      'Mayor Linda Carver opened the meeting on Monday.\n\n"We will fix the roads," said Councilman Robert Hale.\n\n"The budget has room for it this year," she said.',
    );
    expect(who(s, find(s.quotes, 'The budget has room'))).toBe('Linda Carver');
  });

  it('"he" still goes to the last speaker when the given names agree', () => {
    const s = analyze(
      'Mayor Linda Carver opened the meeting on Monday.\n\n"We will fix the roads," said Councilman Robert Hale.\n\n"The budget has room for it this year," he said.',
    );
    expect(who(s, find(s.quotes, 'The budget has room'))).toContain('Robert Hale');
  });
});

describe('reported content', () => {
  it('an attribution inside reported content is the outer speaker’s, not a quote of its own', () => {
    const s = analyze('Mayor Dan Ortiz said the council believes the plan will cut traffic by a third.');
    expect(find(s.quotes, 'the council believes')?.cue).toBe('said');
    expect(find(s.quotes, 'the plan will cut traffic')).toBeUndefined();
  });

  it('"said no" reports a one-word answer; "said on Thursday" reports nothing after the cue', () => {
    const s = analyze(
      'Asked if he would run again, Mayor Dan Ortiz said no.\n\nThe pilot had flown for years without an accident, the airline said on Thursday.',
    );
    expect(find(s.quotes, 'no')?.cue).toBe('said');
    expect(find(s.quotes, 'on Thursday')).toBeUndefined();
    expect(find(s.quotes, 'The pilot had flown')?.cue).toBe('said');
  });
});
