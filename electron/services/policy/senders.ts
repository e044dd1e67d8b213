import type { Channel } from '../../../common/ipc/contract.ts';
import { APP_ORIGIN, isTrustedSenderUrl } from './origins.ts';

// Who may send which request. The origin says the page is ours; the frame and the window say
// which of our pages it is, because a page of ours is not trusted with everything: the hidden
// print window only prints, and only the print window may say it has drawn (or failed to draw)
// what is being printed, so the workspace cannot settle an export with content of its own.

/** Which of the host's windows a request came from. Electron knows its windows; the Chromium test host does not say. */
export type SenderWindow = 'workspace' | 'print' | 'unknown';

export interface Sender {
  /** URL of the frame that sent the message. */
  url: string | undefined;
  /** False when the message came from a subframe (or a frame already gone); hosts that cannot tell leave it out. */
  isMainFrame?: boolean;
  /** The window that sent it, told by the host from its own records (never from the page); hosts that cannot tell leave it out. */
  window?: SenderWindow;
}

/** What the print view asks and answers; nothing else may use them, and the print view may use nothing else. */
export const PRINT_CHANNELS = ['print:document', 'print:ready', 'print:failed'] as const satisfies readonly Channel[];

const isPrintChannel = (channel: Channel) => (PRINT_CHANNELS as readonly Channel[]).includes(channel);

/**
 * Where a host cannot name the window, the page's path stands in for it. That is weaker (a
 * page can rewrite its own path with history.pushState), which is why Electron names windows.
 */
function pageOf(sender: Sender): 'workspace' | 'print' {
  if (sender.window === 'workspace' || sender.window === 'print') return sender.window;
  return new URL(sender.url!).pathname === '/print.html' ? 'print' : 'workspace';
}

/** True when `sender` may send a request on `channel`: one of our origins, a main frame, one of our windows, and the right page for the channel. */
export function mayInvoke(channel: Channel, sender: Sender, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  if (!isTrustedSenderUrl(sender.url, trustedOrigins)) return false;
  if (sender.isMainFrame === false || sender.window === 'unknown') return false;
  return isPrintChannel(channel) === (pageOf(sender) === 'print');
}
