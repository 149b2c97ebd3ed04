import type { StoryRepository } from './story-repository.js';
import type { StreamRepository } from './stream-repository.js';

/** A library: the story library and the stream storage of one database (closing it closes both). */
export interface Library {
  stories: StoryRepository;
  stream: StreamRepository;
  close(): Promise<void>;
}
