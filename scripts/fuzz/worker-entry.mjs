// Starts a fuzz worker: worker threads do not inherit the main thread's TypeScript loader, so tsx is registered
// here before the worker's TypeScript module is loaded.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./worker.ts', import.meta.url).href);
