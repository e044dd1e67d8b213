import { MENU_COMMANDS } from '../commands.ts';
import type { Channel, EventName, ExportProgress, MenuCommandEvent } from './contract.ts';

/** The runtime list of channels; the type below fails to compile if it misses one of the contract's. */
export const CHANNELS = [
  'app:info',
  'preferences:get',
  'preferences:set',
  'brief:get',
  'brief:part',
  'document:state',
  'document:new',
  'document:open',
  'document:open-recent',
  'document:open-path',
  'document:save',
  'document:save-as',
  'document:revert',
  'document:merge',
  'merge:conflicts',
  'merge:resolve',
  'brief:edit',
  'history:undo',
  'history:redo',
  'search:query',
  'source:import',
  'source:import-file',
  'source:import-text',
  'export:defaults',
  'export:preview',
  'export:run',
  'export:warm',
  'print:document',
  'print:ready',
  'print:failed',
] as const satisfies readonly Channel[];

type Missing = Exclude<Channel, (typeof CHANNELS)[number]>;
// If this line errors, a channel of the contract is missing from CHANNELS.
export const everyChannelListed: Missing extends never ? true : Missing = true;

export const isChannel = (value: unknown): value is Channel => (CHANNELS as readonly unknown[]).includes(value);

/** Events main sends to the renderer. */
export const EVENTS = ['menu:command', 'export:progress'] as const satisfies readonly EventName[];

/** Every key of `window.briefing`: one per channel, plus `on`. */
export const BRIDGE_KEYS = [...CHANNELS, 'on'] as const;

/** Checks an event's payload where it arrives (the preload), whatever sent it. */
export function isEventPayload(event: EventName, value: unknown): boolean {
  return event === 'menu:command' ? isMenuCommandEvent(value) : isExportProgress(value);
}

function isExportProgress(value: unknown): value is ExportProgress {
  if (typeof value !== 'object' || value === null) return false;
  const { stage, percent } = value as Record<string, unknown>;
  return (
    ['composing', 'rendering', 'printing', 'writing', 'done'].includes(stage as string) &&
    typeof percent === 'number' &&
    percent >= 0 &&
    percent <= 100
  );
}

export function isMenuCommandEvent(value: unknown): value is MenuCommandEvent {
  if (typeof value !== 'object' || value === null) return false;
  const { command, path } = value as Record<string, unknown>;
  return (
    (MENU_COMMANDS as readonly unknown[]).includes(command) && (path === undefined || (typeof path === 'string' && path.length <= 4096))
  );
}
