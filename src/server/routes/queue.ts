import { Hono } from 'hono';
import type { QueueStats } from '../../engine/queue/queue-stats.js';

/** What the server reads of the job queue (a library on PostgreSQL has one). */
export interface QueueView {
  stats(): Promise<QueueStats>;
}

/** The health check's summary of the queue: totals over every queue. */
export interface QueueHealth {
  waiting: number;
  retrying: number;
  running: number;
  failed: number;
  dead: number;
}

/** Totals of the queue view for `/api/health`. */
export function queueHealth(stats: QueueStats): QueueHealth {
  const total = (key: keyof QueueHealth) => stats.queues.reduce((sum, q) => sum + q[key], 0);
  return {
    waiting: total('waiting'),
    retrying: total('retrying'),
    running: total('running'),
    failed: total('failed'),
    dead: total('dead'),
  };
}

/** `/api/queue`: jobs waiting, running, failed and dead per queue, the throughput of each stage, the latest dead jobs. */
export function queueRoutes(view: QueueView) {
  return new Hono().get('/', async (c) => c.json(await view.stats()));
}

const count = { type: 'integer', minimum: 0 };

/** The health answer's queue totals (present when the library is on PostgreSQL). */
export const queueHealthSchema = {
  type: 'object',
  required: ['waiting', 'retrying', 'running', 'failed', 'dead'],
  properties: { waiting: count, retrying: count, running: count, failed: count, dead: count },
};

/** The OpenAPI path of the queue view. */
export const queueOpenApiPath = {
  get: {
    summary:
      'The job queue (PostgreSQL library only): per queue, jobs waiting, retrying, running, failed and dead, throughput, and the latest dead jobs',
    responses: {
      '200': {
        description: 'The queue view.',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['queues', 'dead'],
              properties: {
                queues: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      name: { type: 'string' },
                      waiting: count,
                      retrying: count,
                      running: count,
                      failed: count,
                      dead: count,
                      completedLastMinute: count,
                      completedLast15Minutes: count,
                      perSecond: { type: 'number', description: 'Jobs finished per second over the last 15 minutes.' },
                      meanMs: { type: ['integer', 'null'], description: 'Mean time in a worker’s hands.' },
                    },
                  },
                },
                dead: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      queue: { type: 'string' },
                      subject: { type: ['string', 'null'], description: 'The article id or story id.' },
                      error: { type: ['string', 'null'] },
                      at: { type: 'string', format: 'date-time' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  },
};
