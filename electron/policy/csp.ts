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

export const CONTENT_SECURITY_POLICY = Object.entries(DIRECTIVES)
  .map(([directive, value]) => `${directive} ${value}`)
  .join('; ');
