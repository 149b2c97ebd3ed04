import type { Context } from 'hono';
import { validator } from 'hono/validator';
import { badRequest } from './api-error.js';

/** Longest accepted free-text query. */
export const MAX_QUERY_LENGTH = 500;

/** An integer query parameter within bounds, its default when absent, or a 400 naming the parameter. */
export function intParam(c: Context, name: string, bounds: { min: number; max: number; fallback: number }): number {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return bounds.fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw badRequest(`"${name}" must be an integer from ${bounds.min} to ${bounds.max}`);
  }
  return value;
}

/** A free-text query parameter (trimmed, bounded), or undefined when absent. */
export function textParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  if (raw.length > MAX_QUERY_LENGTH) throw badRequest(`"${name}" is longer than ${MAX_QUERY_LENGTH} characters`);
  return raw.trim();
}

/** The query parameters a route reads, by name: each optional text. */
export type QueryOf<K extends string> = Partial<Record<K, string>>;

/**
 * Declares the query parameters a route reads, so that the app's type (and the typed client) carries them. It checks
 * nothing: the handler parses each parameter (`intParam`, `textParam`) and answers a 400 naming it.
 */
export function queryOf<K extends string>() {
  return validator('query', (value): QueryOf<K> => value as QueryOf<K>);
}
