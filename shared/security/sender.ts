/**
 * Which frames may call the main process: the app's own page, compared as an exact URL.
 * A prefix test would let `app://cueline/index.htmlx` or `app://cueline/index.html.evil`
 * through; the page is only ever loaded at these two addresses.
 */
export function isAppPageUrl(url: string, origin: string): boolean {
  return url === `${origin}/index.html` || url === `${origin}/`;
}
