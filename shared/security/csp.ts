/**
 * The Content-Security-Policy of the renderer, sent as a header by the app protocol (in
 * Electron and in the preview server alike) and repeated as a <meta> tag in index.html.
 * Scripts only from the app itself: cue text from the internet can never run.
 * style-src allows inline styles because CodeMirror and wavesurfer.js inject <style>
 * elements at run time (wavesurfer into its shadow root); styles cannot run code.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['media-src', "'self' blob:"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Directives a <meta> CSP may not carry (browsers ignore them there with a console error). */
const HEADER_ONLY = new Set(['frame-ancestors']);

export function contentSecurityPolicy(where: 'header' | 'meta' = 'header'): string {
  return CSP_DIRECTIVES.filter(([name]) => where === 'header' || !HEADER_ONLY.has(name))
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
