/** What a user sees, read from the page in UI tests: the playhead, where the cursor sits in the editor, the waveform's window. */
import type { Page } from 'playwright-core';

/** The playhead shown (`H:MM:SS.d`), in seconds. */
export async function playhead(page: Page): Promise<number> {
  const [h, m, s] = (await page.getByTestId('playhead').textContent())!.split(':').map(Number);
  return h! * 3600 + m! * 60 + s!;
}

/** Where the cursor's line is in the editor's visible height: 0 top, 0.5 middle, 1 bottom (outside: <0 or >1). */
export function cursorHeightInEditor(page: Page): Promise<number> {
  return page.evaluate(() => {
    // CodeMirror's view, by the back-pointer EditorView.findFromDOM uses (the drawn
    // cursor is not updated while the focus is in the find panel).
    type View = { state: { selection: { main: { head: number } } }; coordsAtPos(pos: number): { top: number; bottom: number } | null };
    const content = document.querySelector('.cm-content') as (Element & { cmTile?: { root?: { view?: View } } }) | null;
    const view = content?.cmTile?.root?.view;
    const coords = view?.coordsAtPos(view.state.selection.main.head);
    if (!coords) return NaN;
    const scroller = document.querySelector('.cm-scroller')!.getBoundingClientRect();
    return ((coords.top + coords.bottom) / 2 - scroller.top) / scroller.height;
  });
}

/** The waveform's visible window and the cursor cue's region, in seconds. */
export function waveformWindow(page: Page): Promise<{ from: number; to: number; active: { start: number; end: number } | null }> {
  return page.evaluate(() => {
    const waveform = document.querySelector<HTMLElement>('[data-testid="waveform"]')!;
    const root = (waveform.querySelector('div') as HTMLElement).shadowRoot!;
    const scroller = root.querySelector('.scroll') as HTMLElement;
    const wrapper = root.querySelector('.wrapper') as HTMLElement;
    const drawnSeconds = Number(waveform.dataset.peaks) * Number(waveform.dataset.secondsPerPeak);
    const pxPerSec = wrapper.clientWidth / drawnSeconds;
    const region = root.querySelector<HTMLElement>('[data-testid="cue-region"][data-active="true"]');
    const from = scroller.scrollLeft / pxPerSec;
    return {
      from,
      to: from + scroller.clientWidth / pxPerSec,
      active: region && region.style.display !== 'none' ? { start: Number(region.dataset.start), end: Number(region.dataset.end) } : null,
    };
  });
}

/** The focused element: its tag, aria-label and whether it is inside the editor's text, a dialog or the find panel. */
export function focused(page: Page): Promise<{ tag: string; label: string | null; inText: boolean; inDialog: boolean; inFind: boolean; value: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      label: el?.getAttribute('aria-label') ?? null,
      inText: !!el?.closest('.cm-content'),
      inDialog: !!el?.closest('dialog[open]'),
      inFind: !!el?.closest('.cue-find'),
      value: el && 'value' in el ? String((el as HTMLInputElement).value) : null,
    };
  });
}

/** Whether the transport shows playback running (its button offers Pause). */
export async function playing(page: Page): Promise<boolean> {
  return (await page.getByTestId('transport-play').getAttribute('aria-label')) === 'Pause';
}

/** Opens the one-cue-a-second episode with its audio, waits until it can play, and puts the focus in the text. */
export async function openSecondsEpisode(open: (paths: string[]) => Promise<{ page: Page }>, episode: () => Promise<{ vtt: string }>): Promise<Page> {
  const { vtt } = await episode();
  const { page } = await open([vtt]);
  await page.locator('.cm-content').waitFor();
  await page.locator('[data-testid="transport-play"]:not([disabled])').waitFor({ timeout: 20_000 });
  await page.locator('.cm-content').click();
  return page;
}

/**
 * Switches the open document to the raw WebVTT view as a user does (Ctrl+Alt+R) and waits
 * until it shows, for tests about the raw text: the transcript view, which transcripts
 * open in, hides timing lines and keeps typing inside cues. (It once reloaded the page
 * with the choice in localStorage; under load the first page could take that choice
 * into its settings and be reloaded before saving them, so the document opened in the
 * transcript view.)
 */
export async function inRawView(page: Page): Promise<void> {
  const content = page.locator('.cm-content');
  await content.waitFor();
  if (await page.locator('.cm-editor.cm-transcript-view').count()) {
    await content.focus();
    await page.keyboard.press('Control+Alt+r');
  }
  await page.locator('.cm-editor:not(.cm-transcript-view)').waitFor();
}
