/** Where the preview server answers the browser page's IPC (shared by the server and the page shim). */
export const BRIDGE_PATHS = {
  shim: '/__cueline/shim.js',
  invoke: '/__cueline/invoke',
  events: '/__cueline/events',
} as const;

export const TOKEN_COOKIE = 'cueline-preview';
