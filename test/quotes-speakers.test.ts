import { describe, expect, it } from 'vitest';
import { signatureSpeaker } from '../src/core/analyze/quotes/signature-speaker.js';
import { analyzeQuotes as analyze, findQuote as find, speakerName as who } from './helpers/quote-cases.js';

// Speaker rules for direct quotes (brief Q): each rule with a sentence that must get the speaker and one that must not.

describe('a dash and a name closing the quotation’s own paragraph', () => {
  const list =
    'Readers told us what they thought of the debate.\n\n' +
    '“He never answered a single question about the budget or the schools.” ― Maria Lopez.\n\n' +
    '“I came away more worried about the economy than before the debate.” ― Tomas Green.\n\n' +
    '“Nobody on that stage spoke to people like me and my neighbors.”\n\n' +
    'The poll closes on Friday.';

  it('signs each quotation with its own name', () => {
    const s = analyze(list);
    expect(who(s, find(s.quotes, 'He never answered'))).toBe('Maria Lopez');
    expect(who(s, find(s.quotes, 'I came away more worried'))).toBe('Tomas Green');
  });

  it('does not carry a signer to the next, unsigned quotation', () => {
    const s = analyze(list);
    expect(find(s.quotes, 'Nobody on that stage')?.speaker).toBeNull();
  });

  it('takes the bare name when no entity was found for it, and nothing from a dash that opens a clause', () => {
    const text = '“We are the people of this land.” ― Azul Q. Ortega\n“Maybe.” — but not today, he said.';
    const signer = signatureSpeaker(text, text.indexOf('”'), []);
    expect(signer?.name).toBe('Azul Q. Ortega');
    expect(signer?.mention?.start).toBe(text.indexOf('Azul'));
    expect(signatureSpeaker(text, text.indexOf('Maybe.') + 6, [])).toBeNull();
  });

  it('a dash that goes on as a sentence signs nothing', () => {
    const s = analyze(
      'The crowd waited.\n\n“We have waited long enough for this bridge to be built.” — And then the mayor walked out of the hall.',
    );
    expect(find(s.quotes, 'We have waited long enough')?.speaker).toBeNull();
  });
});

describe('speaker phrases after the cue', () => {
  it('skips two appositions, one with "states" as a noun, and never takes "at an event" for the speaker', () => {
    const s = analyze(
      '“It is an invasion of the state’s domain,” Dana Reyes, the attorney general of Ohio, one of the states suing the agency, said at a Washington event this month.',
    );
    const q = find(s.quotes, 'It is an invasion');
    expect(q?.speaker?.name).not.toContain('event');
    expect(q?.speaker?.mention?.text).toMatch(/Dana Reyes|attorney general/);
  });

  it('reads "United States" in an apposition as a name, not a cue', () => {
    const s = analyze(
      "The channel keeps hiring.\n\n''Their plan is very clear: to look like a real news source,'' Carl Benning, a former United States ambassador to Chile, said of the channel.",
    );
    expect(who(s, find(s.quotes, 'Their plan is very clear'))).toBe('Carl Benning');
  });

  it('"said of X" does not make X the speaker when no one else is named', () => {
    const s = analyze('"The plan will not survive the winter," said of the budget.');
    expect(find(s.quotes, 'The plan will not survive')?.speaker?.name ?? '').not.toContain('budget');
  });
});

describe('documents that read and cue verbs of retort', () => {
  it('gives a quotation to the letter or the statement that "reads" or "read" it', () => {
    const s = analyze(
      'Parents wrote to the school board in May.\n\n“We see these schools offering our children hope for a better future,” the letter reads.',
    );
    const q = find(s.quotes, 'We see these schools');
    expect(q?.cue).toBe('reads');
    expect(q?.speaker?.mention?.text).toBe('the letter');
  });

  it('"the letter reads like" with no quotation reports nothing', () => {
    const s = analyze('The letter reads like a ransom note from another century.');
    expect(s.quotes).toEqual([]);
  });

  it('takes retorts, exclamations and "shot back" as cues', () => {
    const s = analyze(
      '“That is simply not true,” Mayor Ann Kohl retorted.\n\n' +
        '“Let me finish,” Governor Paul Ruiz shot back.\n\n' +
        '“What a night for this town!” exclaimed Rosa Diaz.',
    );
    expect(who(s, find(s.quotes, 'That is simply not true'))).toBe('Ann Kohl');
    expect(who(s, find(s.quotes, 'Let me finish'))).toBe('Paul Ruiz');
    expect(who(s, find(s.quotes, 'What a night'))).toBe('Rosa Diaz');
  });

  it('"commented on", "fired back at" and "put it on" without a quotation report nothing', () => {
    const s = analyze(
      'Mayor Ann Kohl commented on the vote last week.\n\nThe hunter fired back at the bear.\n\nHe put it on the table.',
    );
    expect(s.quotes).toEqual([]);
  });

  it('reads "As X put it" and "pointed out" after a quotation as cues', () => {
    const s = analyze(
      'As the company’s chief executive, Jeff Warner, put it in a memo, “Imagine a world where we lead the market.”\n\n' +
        '“The stock has not done well,” Mr. Rubin pointed out.',
    );
    expect(who(s, find(s.quotes, 'Imagine a world'))).toBe('Jeff Warner');
    expect(who(s, find(s.quotes, 'The stock has not done well'))).toContain('Rubin');
  });
});

describe('subjects of coordinated verbs and participles', () => {
  it('"X laughed and said" gives the quotation to X, not to the subject of an earlier cue', () => {
    const s = analyze(
      'When my mother mentioned the storm, I laughed and said, "I do not believe in storms."\n\n' +
        'Later, Ms. Sherry smiled and said, "We will be fine."',
    );
    expect(find(s.quotes, 'I do not believe')?.speaker?.mention?.text).toBe('I');
    expect(who(s, find(s.quotes, 'We will be fine'))).toContain('Sherry');
  });

  it('a participle right after a person or a noun phrase is theirs ("footage of X saying", "protesters chanting")', () => {
    const s = analyze(
      'The ad ends with footage of Senator Ann Ward saying, “That makes me smart.”\n\n' +
        'Outside, about 200 protesters chanting "No justice, no peace" blocked the road.',
    );
    expect(who(s, find(s.quotes, 'That makes me smart'))).toBe('Ann Ward');
    expect(find(s.quotes, 'No justice, no peace')?.speaker?.name).toContain('protesters');
  });

  it('an outlet or a place before the participle is not its speaker ("on Facebook writing")', () => {
    const s = analyze(
      'Senator Lena Fox answered the question on Facebook writing, “Yes, I will. That was a poor choice of words.”',
    );
    expect(who(s, find(s.quotes, 'Yes, I will'))).toBe('Lena Fox');
  });
});

describe('colon introductions and attributions after an exclamation', () => {
  it('takes the subject of the clause before a colon, not a name in its opening phrase', () => {
    const s = analyze(
      'With turnout for Governor Jane Doyle low among young voters, Mayor Tim Olsen is rolling out a new message: "It is about me."',
    );
    expect(who(s, find(s.quotes, 'It is about me'))).toBe('Tim Olsen');
  });

  it('a colon clause that names only a possessive still names no speaker', () => {
    const s = analyze('The truth of Governor Jane Doyle’s plan is plain: "No new roads will be built in the north."');
    expect(find(s.quotes, 'No new roads')?.speaker).toBeNull();
  });

  it('joins "Name, apposition, cue ..." to a quotation ending in "!" and reports nothing after the cue', () => {
    const s = analyze(
      'The planes circled the stadium.\n\n“Not us, but we cannot argue with it!” Ed Murphy, the head of the group, tweeted on Friday with a photo of the sky.',
    );
    expect(who(s, find(s.quotes, 'Not us, but we'))).toBe('Ed Murphy');
    expect(find(s.quotes, 'on Friday with a photo')).toBeUndefined();
  });

  it('a sentence that opens with a name and apposition but has no cue stays its own sentence', () => {
    const s = analyze(
      'The planes circled the stadium.\n\n“Not us, but we cannot argue with it!” Ed Murphy, the head of the group, flew home on Friday.',
    );
    expect(find(s.quotes, 'Not us, but we')?.speaker).toBeNull();
  });

  it('a quotation after a colon with its attribution right after the close is direct', () => {
    const s = analyze(
      'He made his case in a commercial running on Iowa TV: "Securing our borders is a matter of national security," the senator says.',
    );
    const q = find(s.quotes, 'Securing our borders');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.mention?.text).toBe('the senator');
  });
});
