/**
 * Packaging cannot run here (no Electron binary), so the electron-builder config is
 * checked against the JSON schema that ships with app-builder-lib: a broken config fails
 * CI instead of the first release build.
 */
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const config = JSON.parse(readFileSync(join(ROOT, 'build', 'electron-builder.json'), 'utf8'));
const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'));

function validate(candidate: unknown) {
  // The schema is draft-07 and uses a few non-standard keywords, hence strict: false.
  const ajv = new Ajv({ strict: false, allErrors: true });
  const check = ajv.compile(schema);
  return { valid: check(candidate), errors: check.errors ?? [] };
}

describe('electron-builder config', () => {
  it('validates against app-builder-lib’s schema', () => {
    const { valid, errors } = validate(config);
    expect(errors).toEqual([]);
    expect(valid).toBe(true);
  });

  it('is rejected by the same check when broken (the check can fail)', () => {
    expect(validate({ ...config, fileAssocations: [] }).valid).toBe(false);
    expect(validate({ ...config, fileAssociations: 'vtt' }).valid).toBe(false);
    expect(validate({ ...config, linux: { target: 42 } }).valid).toBe(false);
  });

  it('packages the targets and file associations the product needs', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.fileAssociations.map((a: { ext: string }) => a.ext)).toEqual(['vtt', 'srt']);
  });

  it('references files that exist, and the main entry the build writes', () => {
    expect(existsSync(join(ROOT, config.icon))).toBe(true);
    const demo = config.extraResources[0];
    for (const name of demo.filter) expect(existsSync(join(ROOT, demo.from, name)), name).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(pkg.devDependencies.electron).toBe('45.4.1');
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    expect(build).toContain("outfile: 'dist/electron/main.cjs'");
  });
});
