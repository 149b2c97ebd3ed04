import type { Article, DateValue, Difference, DifferenceClaim, Provenance } from '../model.js';
import { attributionIn } from '../analyze/sentence-attribution.js';
import { compressSentence } from './compress-sentence.js';
import { citationOf } from './facts.js';
import { findStances, type Stance } from './stances.js';
import type { Statement } from './statements.js';
import { pushTo } from './push-to.js';
import { articleAsOf, differenceRelation } from './timing.js';

/** Provenance of a difference over a claim and of its sides: one topic held with opposite stances by one actor. */
const OPPOSED_STANCES: Provenance = { stage: 'compose', rule: 'compose/opposed-stances' };

/** Statements in which two different subjects must both appear for them to count as one side (an official and his office). */
const COOCCURRENCE_MIN = 2;

function present(key: string, s: Statement): boolean {
  return s.entityIds.includes(key) || s.text.toLowerCase().includes(key);
}

function lastWord(key: string): string {
  return key.split(' ').at(-1) ?? key;
}

/** True when two stance holders can be the same actor: same entity or name, or often named together. */
function compatible(a: string | null, b: string | null, statements: readonly Statement[]): boolean {
  if (a === null || b === null || a === b) return true;
  if (lastWord(a) === lastWord(b)) return true;
  let together = 0;
  for (const s of statements) if (present(a, s) && present(b, s) && ++together >= COOCCURRENCE_MIN) return true;
  return false;
}

function sideClaim(stances: readonly Stance[], asOf: ReadonlyMap<string, DateValue | null>): DifferenceClaim {
  // The clearest wording: in the outlet's own voice, with the stance in the main clause (near the start).
  const quoted = (s: Stance): number => (s.statement.quotedShare > 0.3 ? 1 : 0);
  const lead = [...stances].sort(
    (x, y) =>
      quoted(x) - quoted(y) || x.at - x.statement.start - (y.at - y.statement.start) || x.statement.id - y.statement.id,
  )[0]!;
  const articleIds = [...new Set(stances.map((s) => s.statement.articleId))];
  return {
    text: compressSentence(lead.statement.text),
    value: null,
    articleIds,
    citations: stances.map((s) => citationOf(s.statement)),
    attribution: stances.map((s) => attributionIn(s.statement.text)).find((a) => a !== null) ?? null,
    asOf: asOf.get(lead.statement.articleId) ?? null,
    provenance: OPPOSED_STANCES,
  };
}

/**
 * Finds claims that contradict each other across articles: the same topic held with opposite polarity ("not urging a
 * ceasefire" vs "called for a ceasefire") by actors that can be the same.
 */
export function findClaimDifferences(statements: readonly Statement[], articles: readonly Article[]): Difference[] {
  const asOf = new Map(articles.map((a) => [a.id, articleAsOf(a)]));
  const byTopic = new Map<string, Stance[]>();
  for (const s of statements) {
    if (s.junk === 'link-or-handle' || s.junk === 'post-signature') continue;
    for (const stance of findStances(s)) pushTo(byTopic, stance.topic, stance);
  }
  // Subjects are few and repeat: each pair is checked against the statements once.
  const checked = new Map<string, boolean>();
  const sameActor = (a: string | null, b: string | null): boolean => {
    const key = `${a ?? ''}\u0000${b ?? ''}`;
    let found = checked.get(key);
    if (found === undefined) checked.set(key, (found = compatible(a, b, statements)));
    return found;
  };
  const differences: Difference[] = [];
  for (const [topic, stances] of byTopic) {
    const kept = stances.filter((x) =>
      stances.some(
        (y) =>
          y.polarity !== x.polarity &&
          y.statement.articleId !== x.statement.articleId &&
          sameActor(x.subject, y.subject),
      ),
    );
    const pro = kept.filter((s) => s.polarity === 1);
    const con = kept.filter((s) => s.polarity === -1);
    if (pro.length === 0 || con.length === 0) continue;
    // Opposite stances at different dates are a change of position over time, not a contradiction.
    const pairs = con.flatMap((c) =>
      pro
        .filter((p) => p.statement.articleId !== c.statement.articleId)
        .map((p) => [asOf.get(c.statement.articleId) ?? null, asOf.get(p.statement.articleId) ?? null] as const),
    );
    differences.push({
      id: '',
      about: `support for ${topic}`,
      kind: 'claim',
      claims: [sideClaim(con, asOf), sideClaim(pro, asOf)],
      relation: differenceRelation(pairs),
      provenance: OPPOSED_STANCES,
    });
  }
  return differences;
}
