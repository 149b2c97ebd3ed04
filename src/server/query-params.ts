import type { Context } from 'hono';
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
