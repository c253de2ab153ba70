/**
 * The 'align:*' IPC handlers (schemas in shared/ipc/align-contract.ts): the router checks
 * every payload against the contract before these run. The renderer names its audio by
 * media token only; the registry turns that into the path it opened.
 */
import { planVtt } from '../../../shared/align/document';
import type { AlignChannel, AlignRequestOf, AlignResponseOf } from '../../../shared/ipc/align-contract';
import { AlignService } from './align-service';

export type AlignHandlers = { [C in AlignChannel]: (request: AlignRequestOf<C>) => Promise<AlignResponseOf<C>> };

export interface AlignHandlerDeps {
  /** The path of an opened audio by its media token, or undefined. */
  resolveMedia(token: string): string | undefined;
  service?: AlignService;
}

/** Pass the `service` to cancel its jobs when the window closes (`service.closeAll()`). */
export function createAlignHandlers(deps: AlignHandlerDeps): AlignHandlers {
  const service = deps.service ?? new AlignService();
  return {
    'align:start': async (request) => {
      const audioPath = deps.resolveMedia(request.media);
      if (!audioPath) throw new Error('the audio is no longer open; open it again to align');
      const plan = planVtt(request.text, { ...(request.range ? { range: request.range } : {}), ...(request.profile ? { profile: request.profile } : {}) });
      if (plan.units.length === 0) throw new Error('nothing to align: the transcript has no cues or untimed text');
      return { job: service.start(audioPath, plan) };
    },
    'align:status': (request) => service.status(request.job),
    'align:cancel': async (request) => {
      service.cancel(request.job);
      return {};
    },
  };
}
