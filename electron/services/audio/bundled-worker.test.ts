/**
 * The packaged app runs the esbuild bundle `dist/electron/peaks-worker.cjs`, not the
 * TypeScript source: check that bundle (built by `npm test` before vitest) decodes.
 * A missing bundle is a failure, not a skip: a test that silently skips proves nothing.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PeaksService } from './peaks-service';

const ROOT = join(__dirname, '..', '..', '..');
const bundle = join(ROOT, 'dist', 'electron', 'peaks-worker.cjs');

describe('bundled peaks worker', () => {
  it('exists: npm test builds dist/ before vitest (run `npm run build` first when running this file alone)', () => {
    expect(existsSync(bundle), `${bundle} is missing`).toBe(true);
  });

  it('decodes the demo episode to the same peaks as the source worker', async () => {
    const demo = join(ROOT, 'resources', 'demo', 'demo.mp3');
    const decode = async (service: PeaksService) => {
      service.start('demo', demo);
      await service.settled('demo');
      const peaks = await service.read('demo', 0);
      service.closeAll();
      return peaks;
    };
    const bundled = await decode(new PeaksService({ cacheDir: null, worker: { source: bundle, eval: false } }));
    const source = await decode(new PeaksService({ cacheDir: null }));
    expect(bundled.status).toBe('done');
    expect(bundled.available).toBeGreaterThan(98 * 200);
    expect(bundled.pairs).toEqual(source.pairs);
  });
});
