/**
 * Dispatches IPC calls to handlers after checking, at run time, that the sender is the
 * app's own page and that the payload matches the contract. Electron's ipcMain and the
 * Chromium test harness both call `handle`, so the checks the tests exercise are the
 * ones the app runs.
 */
import type { IpcReply } from '../../shared/ipc/contract';
import { appInvokeContract, type AppChannel, type AppRequestOf, type AppResponseOf } from '../../shared/ipc/channels';

/** One handler per channel of the app's contract (core and feature tables). */
export type IpcHandlers = { [C in AppChannel]: (request: AppRequestOf<C>) => Promise<AppResponseOf<C>> };

export interface IpcRouterOptions {
  /** True when the calling frame is the app's own page (checked on every call). */
  isTrustedSender(senderUrl: string): boolean;
  log(message: string): void;
}

export class IpcRouter {
  constructor(
    private readonly handlers: IpcHandlers,
    private readonly options: IpcRouterOptions,
  ) {}

  async handle(channel: unknown, payload: unknown, senderUrl: string): Promise<IpcReply<unknown>> {
    if (!this.options.isTrustedSender(senderUrl)) {
      return this.refuse(`refused IPC from untrusted sender ${senderUrl}`);
    }
    if (typeof channel !== 'string' || !Object.hasOwn(appInvokeContract, channel)) {
      return this.refuse(`refused unknown IPC channel ${String(channel).slice(0, 80)}`);
    }
    const name = channel as AppChannel;
    const parsed = appInvokeContract[name].request.safeParse(payload);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return this.refuse(`refused ${name}: invalid payload${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}`);
    }
    try {
      const handler = this.handlers[name] as (request: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      return { ok: true, value: appInvokeContract[name].response.parse(value) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.options.log(`${name} failed: ${message}`);
      return { ok: false, error: message };
    }
  }

  private refuse(reason: string): IpcReply<unknown> {
    this.options.log(reason);
    return { ok: false, error: reason };
  }
}
