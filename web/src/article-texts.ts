/**
 * The cleaned texts of a story's articles, fetched one at a time when the page needs one (an article opened, a
 * citation jumped to, a citation's passage shown) and kept for the life of the page. The story's report comes
 * without them: a 4.9 MB article's text is a fifth of its report and most readers never open it.
 */
import type { ArticleText } from '../../src/core/light-report.js';

/** Fetches one article's text. */
export type TextFetcher = (articleId: string) => Promise<ArticleText>;

/** The texts of one story's articles. */
export class ArticleTexts {
  private readonly loaded = new Map<string, ArticleText>();
  private readonly loading = new Map<string, Promise<ArticleText>>();

  /** @param fetch how one text is fetched (the API client, or a stub in tests) */
  constructor(private readonly fetch: TextFetcher) {}

  /** The text when it has arrived, else undefined (see `load`). */
  get(articleId: string): ArticleText | undefined {
    return this.loaded.get(articleId);
  }

  /** The text, fetched once however many ask at the same time; a failed fetch may be asked for again. */
  load(articleId: string): Promise<ArticleText> {
    const known = this.loaded.get(articleId);
    if (known) return Promise.resolve(known);
    let pending = this.loading.get(articleId);
    if (!pending) {
      pending = this.fetch(articleId).then(
        (text) => {
          this.loaded.set(articleId, text);
          this.loading.delete(articleId);
          return text;
        },
        (error: unknown) => {
          this.loading.delete(articleId);
          throw error;
        },
      );
      this.loading.set(articleId, pending);
    }
    return pending;
  }
}
