import type { Quote } from '../model.js';

/** Quotes of one speaker (an entity, or a name when unresolved). */
export interface SpeakerGroup {
  name: string;
  entityId: string | null;
  quotes: Quote[];
}

/** Groups quotes by speaker (entity id, else name; "Unattributed" when no speaker), most quoted first. */
export function groupQuotesBySpeaker(quotes: readonly Quote[]): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  for (const quote of quotes) {
    const speaker = quote.speaker;
    const key = speaker?.entityId ?? `name:${speaker?.name ?? ''}`;
    const group = groups.get(key) ?? {
      name: speaker?.name || 'Unattributed',
      entityId: speaker?.entityId ?? null,
      quotes: [],
    };
    group.quotes.push(quote);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length || a.name.localeCompare(b.name));
}
