/** Input reading: files, folders, standard input, URLs and article objects to raw articles, failures and notes. */
export { type ArticleObject, isIsoDate } from './article-object.js';
export { isUrl, readUrl } from './read-url.js';
export { fileKind, FILE_KINDS, sniffFormat, type FileKind } from './detect-format.js';
export {
  DEFAULT_FETCH_TIMEOUT_MS,
  DEFAULT_MAX_BYTES,
  DEFAULT_USER_AGENT,
  resolveInputOptions,
  type InputOptions,
} from './options.js';
export { readArticleObjects, readInputs, type InputSpec } from './read-inputs.js';
export { readNamedBytes, readUploadedFile } from './read-named-bytes.js';
export type { InputNote, InputResult } from './result.js';
