/**
 * Stories from a stream: an incremental clusterer that places each article, in arrival order, into a story and says
 * why. Pure: time comes from the articles' dates, and the whole state snapshots to JSON.
 */
export { createClusterer, restoreClusterer, type Clusterer } from './clusterer.js';
export { InvalidSnapshotError, type ClusterSnapshot, type ClusterStats } from './cluster-state.js';
export {
  DEFAULT_CLUSTER_OPTIONS,
  resolveClusterOptions,
  type ClusterOptions,
  type ResolvedClusterOptions,
} from './options.js';
export {
  ClusterInputError,
  type Assignment,
  type AssignmentReason,
  type ClusterDoc,
  type Decision,
  type SharedFeatures,
  type StoryScore,
} from './types.js';
