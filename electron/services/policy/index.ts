// Policies of the shell, as plain data and pure functions tested under Node: where the app's
// pages come from and who may talk to the router, what a page may load or open, the CSP, the
// menu, paths, argv and window placement. electron/main only applies them to Electron's objects.
export { briefPathFromArgv, isBriefPath } from './argv.ts';
export { resolveAppRequest, resolveAsset, type Asset } from './assets.ts';
export { CONTENT_SECURITY_POLICY, META_CONTENT_SECURITY_POLICY } from './csp.ts';
export { buildMenuTemplate, type MenuContext, type MenuItemSpec } from './menu-template.ts';
export { APP_ORIGIN, APP_SCHEME, isTrustedSenderUrl } from './origins.ts';
export { mayInvoke, PRINT_CHANNELS, type Sender, type SenderWindow } from './senders.ts';
export { APP_NAME, STORE_FILE, userDataDir } from './paths.ts';
export { externalLinkTarget, isAllowedNavigation, isAllowedRequest, isPermissionGranted } from './web-policy.ts';
export { isPrivateHost } from './private-hosts.ts';
export { builtInSpellcheck } from './spellcheck.ts';
export { DEFAULT_SIZE, MIN_SIZE, restoreWindowState, type Rect, type WindowState } from './window-state.ts';
