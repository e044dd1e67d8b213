import type { Channel } from './contract.ts';

/** The runtime list of channels; the type below fails to compile if it misses one of the contract's. */
export const CHANNELS = [
  'app:info',
  'brief:get',
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
] as const satisfies readonly Channel[];

type Missing = Exclude<Channel, (typeof CHANNELS)[number]>;
// If this line errors, a channel of the contract is missing from CHANNELS.
export const everyChannelListed: Missing extends never ? true : Missing = true;

export const isChannel = (value: unknown): value is Channel => (CHANNELS as readonly unknown[]).includes(value);
