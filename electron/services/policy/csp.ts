// The renderer's Content-Security-Policy, sent as a response header by both hosts.
// Nothing remote, nothing inline: scripts, styles and fonts come only from the app's own files.
const DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'font-src': "'self'",
  'img-src': "'self' data: blob:",
  'connect-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
  'object-src': "'none'",
};

const serialise = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([directive, value]) => `${directive} ${value}`)
    .join('; ');

export const CONTENT_SECURITY_POLICY = serialise(DIRECTIVES);

/**
 * The same policy as a <meta> tag in index.html, so it holds even where a response header is
 * lost (and so scanners that read only files see it). frame-ancestors has no effect in a meta
 * tag and Chromium warns about it there, so it stays header-only.
 */
export const META_CONTENT_SECURITY_POLICY = serialise(
  Object.fromEntries(Object.entries(DIRECTIVES).filter(([directive]) => directive !== 'frame-ancestors')),
);
