import type { Citation, Quote, SpeakerSearchReason } from '../model.js';

const REASONS: Record<SpeakerSearchReason, string> = {
  'no-cue': 'no attribution in its sentence or the paragraph before',
  'earlier-speaker-too-far': 'the last speaker named is more than a paragraph back',
  'cue-without-speaker': 'its cue names nobody',
  'attitude-without-holder': 'the text gives no one who holds this view',
  'post-without-author': 'the embedded post has no author',
};

/** Why a quote has no speaker, in words ("no speaker: its cue names nobody"), or null when it has one. */
export function speakerSearchNote(quote: Pick<Quote, 'speaker' | 'speakerSearch'>): string | null {
  if (quote.speaker || !quote.speakerSearch) return null;
  return `no speaker: ${REASONS[quote.speakerSearch.reason]}`;
}

/** The text searched for a quote's speaker as a citation (shown beside the quote), or null when it has a speaker. */
export function speakerSearchCitation(
  quote: Pick<Quote, 'articleId' | 'speaker' | 'speakerSearch' | 'embed'>,
): Citation | null {
  const search = quote.speakerSearch;
  if (quote.speaker || !search) return null;
  const citation = { articleId: quote.articleId, start: search.start, end: search.end };
  return quote.embed === undefined ? citation : { ...citation, embed: quote.embed };
}
