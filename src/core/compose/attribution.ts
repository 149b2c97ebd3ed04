/** Finds the source a sentence attributes its content to ("according to the Associated Press"), or null. */
export function attributionIn(sentence: string): string | null {
  const m = /\baccording to\s+((?:the\s+)?[^,.;:"“”()]{2,60}?)(?=[,.;:"“”()]|\s+(?:on|in|at|as|which|who)\b|$)/iu.exec(
    sentence,
  );
  return m?.[1]?.trim() ?? null;
}
