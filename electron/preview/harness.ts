/**
 * Opens the built renderer in Debian's Chromium (playwright-core, no browser download)
 * with `window.cueline` wired to the real services of a preview server: the same
 * IpcRouter, Session and app protocol as the Electron app. UI tests and `npm run
 * preview` both use it.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { join } from 'node:path';
import { PROJECT_ROOT, startPreviewServer, type PreviewServer, type PreviewServerOptions } from './server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags for a closed network and root user (see the machine notes in README). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  // Electron's default too: playback may start without a click (menu commands, tests).
  '--autoplay-policy=no-user-gesture-required',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface AppHarness {
  page: Page;
  browser: Browser;
  context: BrowserContext;
  server: PreviewServer;
  /** Console errors and uncaught exceptions of the page, in order. */
  errors: string[];
  /** Delivers a main-process event (e.g. a menu command) to the page. */
  emit(event: string, payload: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface OpenAppOptions extends PreviewServerOptions {
  /** Where dropped files "are": the harness's stand-in for Electron's webUtils.getPathForFile. */
  dropFolder?: string;
  headless?: boolean;
  viewport?: { width: number; height: number };
}

export async function openApp(options: OpenAppOptions = {}): Promise<AppHarness> {
  const server = await startPreviewServer(options);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: options.headless ?? true,
    args: CHROMIUM_ARGS,
  });
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1280, height: 800 } });
  await context.exposeBinding('__cuelineInvoke', ({ frame }, channel: unknown, request: unknown) =>
    server.router.handle(channel, request, frame.url()),
  );
  await context.exposeBinding('__cuelineDropPath', (_source, name: unknown) => (options.dropFolder && typeof name === 'string' ? join(options.dropFolder, name) : ''));
  await context.addInitScript({ path: join(PROJECT_ROOT, 'dist', 'preview', 'page-shim.js') });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  // Main-process events (external file changes) reach the page as in Electron.
  server.session.onEvent = (event, payload) => {
    void page.evaluate(([e, p]) => (globalThis as unknown as { __cuelineEmit(e: string, p: unknown): void }).__cuelineEmit(e, p), [event, payload] as const).catch(() => {});
  };
  await page.goto(`${server.origin}/index.html`);
  return {
    page,
    browser,
    context,
    server,
    errors,
    emit: (event, payload) => page.evaluate(([e, p]) => (globalThis as unknown as { __cuelineEmit(e: string, p: unknown): void }).__cuelineEmit(e, p), [event, payload] as const),
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The editor's document text, read from CodeMirror's own view object (the DOM shows
 * only the visible lines). Relies on CodeMirror's `cmTile` back-pointer, the same one
 * `EditorView.findFromDOM` uses.
 */
export function editorText(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const content = (globalThis as unknown as { document: { querySelector(s: string): unknown } }).document.querySelector('.cm-content') as ({ cmTile?: { root?: { view?: { state: { sliceDoc(): string } } } } }) | null;
    // sliceDoc joins lines with the document's own separator (doc.toString() would use \n).
    return content?.cmTile?.root?.view?.state.sliceDoc() ?? null;
  });
}
