import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicy } from '../shared/security/csp';

/** Puts the same CSP the app protocol sends as a header into index.html as well. */
function cspMeta(): Plugin {
  return {
    name: 'cueline-csp-meta',
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('meta')}" />`;
      return html.replace('<meta charset="utf-8" />', `<meta charset="utf-8" />\n    ${meta}`);
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    // No inline scripts or data: modules, so the strict script-src 'self' holds.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    // A desktop app loads from disk: one bundle is fine, the web's 500 kB advice does not apply.
    chunkSizeWarningLimit: 4096,
  },
});
