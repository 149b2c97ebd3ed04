/**
 * The API access token of this browser, kept in `localStorage` under this server's origin only, so it survives
 * reloads until the reader forgets it. Storage can be unavailable (privacy modes): then the token lives for the page.
 */

const KEY = 'parallax.accessToken';
let memory: string | null = null;
const listeners = new Set<() => void>();

/** The stored token, or null. */
export function storedToken(): string | null {
  try {
    return localStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

/** Stores the token (kept until forgotten). */
export function storeToken(token: string): void {
  memory = token;
  try {
    localStorage.setItem(KEY, token);
  } catch {
    // Storage refused: the token stays in memory for this page only.
  }
  notify();
}

/** Forgets the token, in storage and in memory. */
export function forgetToken(): void {
  memory = null;
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  notify();
}

/** Calls `listener` whenever the token is stored or forgotten; returns a function that stops it. */
export function onTokenChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function notify(): void {
  for (const listener of listeners) listener();
}
