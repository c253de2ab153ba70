/** The waveform as UI tests read it: the 515 episode opened with its audio, drawn cue regions, and wavesurfer's view. */
import type { Page } from 'playwright-core';
import { openApp, type AppHarness } from '../../electron/preview/harness';
import { parseVtt } from '../../shared/formats/vtt/parser';
import { fixture } from './fixtures';

const AUDIO = fixture.audio515;
const VTT = fixture.vtt515;

export interface DrawnRegion { index: number; start: number; end: number; left: number; width: number }

/** Opens the fixture pair, counting any audio decoding the page does itself. */
export async function openEpisode(vtt = VTT, viewMode?: 'raw' | 'transcript'): Promise<AppHarness> {
  const h = await openApp({ launchPaths: [vtt, AUDIO] });
  if (viewMode) await h.page.addInitScript((mode) => localStorage.setItem('cueline.editorView', mode), viewMode);
  await h.page.addInitScript(() => {
    const w = window as unknown as { __decodes: number };
    w.__decodes = 0;
    const original = BaseAudioContext.prototype.decodeAudioData;
    BaseAudioContext.prototype.decodeAudioData = function (...args: Parameters<typeof original>) {
      w.__decodes++;
      return original.apply(this, args);
    };
  });
  await h.page.reload();
  // Only the reloaded page (the one with the counter) is under test.
  h.errors.length = 0;
  await h.page.locator('[data-testid="waveform"][data-peaks-status="done"]').waitFor({ timeout: 20_000 });
  return h;
}

export function regions(h: AppHarness): Promise<DrawnRegion[]> {
  return h.page.evaluate(() => {
    const host = document.querySelector('[data-testid="waveform"] div') as HTMLElement & { shadowRoot: ShadowRoot | null };
    const all = [...(host.shadowRoot?.querySelectorAll<HTMLElement>('[data-testid="cue-region"]') ?? [])];
    return all
      .filter((r) => r.style.display !== 'none')
      .map((r) => ({ index: Number(r.dataset.index), start: Number(r.dataset.start), end: Number(r.dataset.end), left: parseFloat(r.style.left), width: parseFloat(r.style.width) }));
  });
}

/** Scroll position, visible width, px per second of wavesurfer's view, and inked canvas pixels. */
export function view(h: AppHarness): Promise<{ scroll: number; width: number; pxPerSec: number; inkPixels: number }> {
  return h.page.evaluate(() => {
    const waveform = document.querySelector<HTMLElement>('[data-testid="waveform"]')!;
    const root = (waveform.querySelector('div') as HTMLElement).shadowRoot!;
    const scroller = root.querySelector('.scroll') as HTMLElement;
    const wrapper = root.querySelector('.wrapper') as HTMLElement;
    // The drawn span: peaks x seconds per peak (the time base of the whole view).
    const drawnSeconds = Number(waveform.dataset.peaks) * Number(waveform.dataset.secondsPerPeak);
    let ink = 0;
    for (const canvas of root.querySelectorAll('canvas')) {
      if (!canvas.width || !canvas.height) continue;
      const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) ink++;
    }
    return { scroll: scroller.scrollLeft, width: scroller.clientWidth, pxPerSec: wrapper.clientWidth / drawnSeconds, inkPixels: ink };
  });
}


/** Inked pixels of the overview strip's canvas. */
export function overviewInk(page: Page): Promise<number> {
  return page.getByTestId('overview').evaluate((el) => {
    const canvas = el.querySelector('canvas')!;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });
}

/** The cues of the editor's current text. */
export async function editorCues(page: Page) {
  const text = await page.evaluate(() => {
    const tile = (document.querySelector('.cm-content') as HTMLElement & { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } }).cmTile;
    return tile?.root?.view?.state.doc.toString() ?? '';
  });
  return parseVtt(text).cues;
}
