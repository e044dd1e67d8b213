// The receive room: a file from anyone else checked in a child process with a time limit (what
// the file is and its size, its bytes, a private read-only copy, identity, exact schema,
// integrity, its rows) and its rows copied into a store the app made itself. The received file
// is never written to; the private copy is removed whatever happens to the check.
export {
  receiveBrief,
  spawnLauncher,
  RECEIVE_TIME_LIMIT_MS,
  type ReceiveOptions,
  type ReceivedBrief,
  type WorkerLauncher,
  type WorkerProcess,
} from './receive.ts';
export { NODE_RECEIVE_WORKER, RECEIVE_WORKER_NODE_FLAGS } from './node-worker.ts';
export { expectedSchema, readSchema, type SchemaEntry } from './expected-schema.ts';
export { RECEIVE_SIZE_LIMIT_BYTES, RECEIVE_VALUE_LIMIT_BYTES } from './inspect.ts';
export { makePrivateFolder, removeStaleReceiveLeftovers, PRIVATE_PREFIX, STALE_AFTER_MS } from './private-folders.ts';
