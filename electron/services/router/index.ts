// The router service: the one gate every request from a page passes (channel, sender, schema,
// Result), its handlers over the documents and exports services, and the backend both hosts start.
export { createRouter, type Handlers, type Router, type RouterOptions, type Sender } from './router.ts';
export { startBackend, type AppBackend, type BackendOptions } from './backend.ts';
export { ARGUMENT_SCHEMAS } from './schemas.ts';
