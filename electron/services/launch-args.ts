/**
 * Files named on the command line. In development Electron runs as `electron . -- FILE…`
 * (argv: electron, '.', '--', FILE…); packaged as `Cueline FILE…`; on Windows/Linux a
 * second instance forwards its argv the same way. Switches (`--foo`) are not files.
 */
import { resolve } from 'node:path';

export function launchPaths(argv: readonly string[], options: { packaged: boolean; cwd: string }): string[] {
  const args = argv.slice(options.packaged ? 1 : 2);
  const files: string[] = [];
  let afterDashDash = false;
  for (const arg of args) {
    if (arg === '--') { afterDashDash = true; continue; }
    if (!afterDashDash && (arg.startsWith('-') || arg === '.')) continue;
    if (afterDashDash && arg.startsWith('--')) continue;
    files.push(resolve(options.cwd, arg));
  }
  return files;
}
