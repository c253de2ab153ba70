/**
 * Every call the main process answers: the core contract (contract.ts) and each
 * feature's own table (align-contract.ts: Timing ▸ Align to Audio). They are merged here,
 * not in contract.ts, because the feature tables import contract.ts (a cycle otherwise).
 * The router validates against this table, the main process registers each channel,
 * and the page API (api.ts) accepts exactly its page channels.
 */
import type { z } from 'zod';
import { alignInvokeContract } from './align-contract';
import { invokeContract, PRELOAD_ONLY_CHANNELS, type PreloadOnlyChannel } from './contract';
import { folderInvokeContract } from './folder-contract';

export const appInvokeContract = { ...invokeContract, ...alignInvokeContract, ...folderInvokeContract } as const;

export type AppChannel = keyof typeof appInvokeContract;
export type AppRequestOf<C extends AppChannel> = z.infer<(typeof appInvokeContract)[C]['request']>;
export type AppResponseOf<C extends AppChannel> = z.infer<(typeof appInvokeContract)[C]['response']>;

export const appChannels = Object.keys(appInvokeContract) as AppChannel[];

/** The channels the page may call through `window.cueline.invoke` (all but the preload-only ones). */
export type PageChannel = Exclude<AppChannel, PreloadOnlyChannel>;
export const pageChannels = appChannels.filter((c): c is PageChannel => !(PRELOAD_ONLY_CHANNELS as readonly string[]).includes(c));
