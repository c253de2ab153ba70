/**
 * Packaging cannot run here (no Electron binary, no network), so the electron-builder
 * config is checked against the JSON schema that ships with app-builder-lib, plus the
 * product decisions the schema cannot know about: a broken config fails CI instead of
 * the first release build.
 */
import { describe, expect, it } from 'vitest';
import Ajv, { type ErrorObject } from 'ajv';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import FpmTarget from 'app-builder-lib/out/targets/FpmTarget';

const ROOT = join(__dirname, '..');
const readJson = (...path: string[]) => JSON.parse(readFileSync(join(ROOT, ...path), 'utf8'));
const config = readJson('build', 'electron-builder.json');
const schema = readJson('node_modules', 'app-builder-lib', 'scheme.json');

// The schema declares draft-07, which is what the default Ajv class implements; it uses a
// few non-standard keywords (e.g. "tsType"), hence strict: false. Compiling takes most of
// a second, so it happens once.
const check = new Ajv({ strict: false, allErrors: true }).compile(schema);
function validate(candidate: unknown): ErrorObject[] {
  return check(candidate) ? [] : [...(check.errors ?? [])];
}

interface FileAssociation {
  ext: string;
  name: string;
  mimeType: string;
  role: string;
}

describe('electron-builder config', () => {
  it('validates against app-builder-lib’s schema', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(validate(config)).toEqual([]);
  });

  it('is rejected by the same check when broken, with the error on the broken part', () => {
    const misspelt = validate({ ...config, fileAssocations: [] });
    expect(misspelt).toContainEqual(
      expect.objectContaining({ instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'fileAssocations' } }),
    );
    const notAList = validate({ ...config, fileAssociations: 'vtt' });
    expect(notAList.length).toBeGreaterThan(0);
    expect(notAList.every((e) => e.instancePath.startsWith('/fileAssociations'))).toBe(true);
    const badTarget = validate({ ...config, linux: { ...config.linux, target: 42 } });
    expect(badTarget.length).toBeGreaterThan(0);
    expect(badTarget.every((e) => e.instancePath.startsWith('/linux'))).toBe(true);
  });

  it('names the app and where builds go', () => {
    expect(config.appId).toBe('app.cueline.desktop');
    expect(config.productName).toBe('Cueline');
    expect(config.directories).toEqual({ output: 'release', buildResources: 'build' });
    expect(config.asar).toBe(true);
    // release/ is build output and must never be committed.
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain(`${config.directories.output}/`);
  });

  it('packages the targets and file associations the product needs', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.linux.category).toBe('AudioVideo');
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    const associations = config.fileAssociations as FileAssociation[];
    expect(associations.map(({ ext, mimeType, role }) => ({ ext, mimeType, role }))).toEqual([
      { ext: 'vtt', mimeType: 'text/vtt', role: 'Editor' },
      { ext: 'srt', mimeType: 'application/x-subrip', role: 'Editor' },
    ]);
    for (const association of associations) expect(association.name).not.toBe('');
  });

  it('keeps electron-builder’s default .deb dependencies, since a `depends` list replaces them', () => {
    // getDefaultDepends is private in the typings but is the list the installed
    // electron-builder would have used; it does not touch `this`.
    const defaults = (FpmTarget.prototype as unknown as { getDefaultDepends(target: string): string[] }).getDefaultDepends.call(null, 'deb');
    expect(defaults.length).toBeGreaterThan(0);
    expect(config.deb.depends).toEqual(expect.arrayContaining(defaults));
    // Chromium links libgbm and ALSA, which the defaults leave out.
    expect(config.deb.depends).toContain('libgbm1');
    expect(config.deb.depends.some((d: string) => /\blibasound2\b/.test(d))).toBe(true);
  });

  it('references files that exist, and the paths the app and build really use', () => {
    const icon = readFileSync(join(ROOT, config.icon));
    // PNG signature, then IHDR width and height: electron-builder needs >= 512 to derive .icns/.ico.
    expect(icon.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(icon.readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(icon.readUInt32BE(20)).toBe(icon.readUInt32BE(16));

    const [demo, ...others] = config.extraResources;
    expect(others).toEqual([]);
    expect(demo.filter).toEqual(expect.arrayContaining(['demo.vtt', 'demo.txt', 'demo.mp3']));
    let demoBytes = 0;
    for (const name of demo.filter as string[]) {
      const path = join(ROOT, demo.from, name);
      expect(existsSync(path), path).toBe(true);
      demoBytes += statSync(path).size;
    }
    // The demo ships in every installer; keep it small.
    expect(demoBytes).toBeLessThan(1024 * 1024);
    // The packaged app looks for the demo under resourcesPath/<to>.
    const main = readFileSync(join(ROOT, 'electron', 'main.ts'), 'utf8');
    expect(main).toContain(`join(process.resourcesPath, '${demo.to}')`);

    const pkg = readJson('package.json');
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(config.files).toContain('dist/electron/**/*');
    // electron-builder requires an exact Electron version to download the right runtime.
    expect(pkg.devDependencies.electron).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.scripts.dist).toContain('--config build/electron-builder.json');
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    expect(build).toContain("outfile: 'dist/electron/main.cjs'");
  });

  it('unpacks what runs outside the asar: the worker bundles, and the eSpeak program with its package', () => {
    const build = readFileSync(join(ROOT, 'scripts', 'build.mjs'), 'utf8');
    // Every worker bundle the build writes is started from a real file path.
    const workers = [...build.matchAll(/outfile: '(dist\/electron\/[\w-]*worker\.cjs)'/g)].map((m) => m[1]);
    expect(workers).toEqual(expect.arrayContaining(['dist/electron/peaks-worker.cjs', 'dist/electron/align-worker.cjs']));
    for (const worker of workers) expect(config.asarUnpack).toContain(worker);
    // The GPL synthesizer runs as its own program (Electron as Node), reading its package's WASM and data.
    expect(build).toContain('dist/electron/espeak-synth.mjs');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['dist/electron/espeak-synth.mjs', 'node_modules/@echogarden/espeak-ng-emscripten/**']));
    const pkg = readJson('package.json');
    expect(Object.keys(pkg.dependencies)).toContain('@echogarden/espeak-ng-emscripten');
  });
});
