/** Runs Mozilla Readability on a parsed page and returns its article element (not serialised to HTML). */
import { Readability } from '@mozilla/readability';
import { callMarkupLibrary } from './markup-library-error.js';

/** Readability's article: the content element and the title it removed from the body. */
export interface ReadabilityArticle {
  content: Element;
  title: string | null;
}

/** Runs Readability on `document` (which it modifies); null when it finds no article. What Readability throws is an InputFailureError (see markup-library-error.ts). */
export function runReadability(document: Document): ReadabilityArticle | null {
  // Keeping the element avoids serialising to HTML and parsing it again.
  const article = callMarkupLibrary('Readability', () =>
    new Readability<Node>(document, { serializer: (node) => node, keepClasses: true }).parse(),
  );
  const content = article?.content;
  if (!content || content.nodeType !== 1) return null;
  return { content: content as Element, title: article.title ?? null };
}
