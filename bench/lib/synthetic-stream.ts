// Synthetic article streams for the clustering benchmark, resampled from real articles: copies of a real stream, each
// shifted later in time, interleaved by date, so that stories keep arriving over months at a steady rate.
import type { LabelledArticle } from '../../scripts/lib/clustering-data.js';

const DAY_MS = 86_400_000;

/**
 * The first `size` articles of copies of `articles`, copy j dated `j * shiftDays` days later than the original (ids
 * and events suffixed with the copy), in date order. With a shift longer than the clusterer's quiet window, a copy's
 * stories never meet the previous copy's, and about `span / shift` copies are live at once.
 */
export function resampledStream(
  articles: readonly LabelledArticle[],
  options: { size: number; shiftDays: number },
): LabelledArticle[] {
  const dated = articles.filter((a) => a.date !== null);
  const copies = Math.ceil(options.size / dated.length);
  const out: { article: LabelledArticle; time: number }[] = [];
  for (let j = 0; j < copies; j++) {
    for (const a of dated) {
      const time = Date.parse(a.date!) + j * options.shiftDays * DAY_MS;
      out.push({
        article: { ...a, id: `${a.id}~${j}`, event: `${a.event}~${j}`, date: new Date(time).toISOString() },
        time,
      });
    }
  }
  return out
    .sort((x, y) => x.time - y.time)
    .slice(0, options.size)
    .map((x) => x.article);
}
