import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { resolveAppRequest, CONTENT_SECURITY_POLICY, APP_SCHEME } from '../services/policy/index.ts';

/** Must run before `app` is ready: app:// behaves like a secure standard scheme (origin, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from `root`, with the CSP as a header on every response. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const asset = resolveAppRequest(root, request.url);
    if (!asset) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(asset.path);
      return new Response(body, {
        headers: {
          'content-type': asset.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
