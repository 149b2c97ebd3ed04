// Fictional articles for the clustering tests, written for them.
import type { ClusterDoc, ClusterOptions } from '../../src/core/cluster/index.js';

const day = '2024-06-03T09:00:00Z';

/** Two fictional stories of one port on one day, and a third article that reports both. */
export const BRIDGED_STORIES: readonly ClusterDoc[] = [
  {
    id: 'strike',
    outlet: 'Calloway Post',
    date: day,
    title: 'Dockworkers strike at the Port of Calloway over pay',
    text: 'Dockworkers at the Port of Calloway walked off the job on Monday in a dispute over pay, leaving container ships waiting at anchor. Union leader Rosa Ferreira said the strike would last until the port authority raised wages.',
  },
  {
    id: 'blockade',
    outlet: 'Freight Weekly',
    date: day,
    title: 'Truck drivers blockade Calloway freight terminal',
    text: 'Truck drivers parked their rigs across the entrance of the Calloway freight terminal on Monday to protest new road tolls, halting deliveries. Drivers said the tolls cost them a day of wages each week.',
  },
  {
    id: 'bridge',
    outlet: 'Harbor Daily',
    date: day,
    title: 'Strike and blockade halt freight at the Port of Calloway',
    text: 'Freight at the Port of Calloway came to a halt on Monday as dockworkers went on strike over pay, led by union leader Rosa Ferreira, and truck drivers blockaded the freight terminal to protest road tolls.',
  },
];
/** Thresholds for this small case: the first two stay apart, the third is close to both. */
export const BRIDGE_OPTIONS: ClusterOptions = { joinThreshold: 0.35, mergeThreshold: 0.2, mergeStorySimilarity: 0.05 };
