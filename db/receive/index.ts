// The receive room: a file from anyone else checked in a child process with a time limit (bytes,
// a private read-only copy, identity, exact schema, integrity) and its rows copied into a store
// the app made itself. The received file is never written to.
export {
  receiveBrief,
  spawnLauncher,
  RECEIVE_TIME_LIMIT_MS,
  type ReceivedBrief,
  type WorkerLauncher,
  type WorkerProcess,
} from './receive.ts';
export { NODE_RECEIVE_WORKER } from './node-worker.ts';
export { expectedSchema, readSchema, type SchemaEntry } from './expected-schema.ts';
