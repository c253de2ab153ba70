import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PROJECT_ROOT } from './server';
import { APP_NAME, userDataDir } from './data-dir';

describe('preview data folder', () => {
  it('is the app\u2019s own userData folder on each platform, and CUELINE_DATA_DIR overrides it', async () => {
    // Electron names the folder after package.json's productName.
    expect(JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')).productName).toBe(APP_NAME);
    expect(userDataDir({}, 'linux', '/home/u')).toBe('/home/u/.config/Cueline');
    expect(userDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/Cueline');
    expect(userDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Cueline');
    expect(userDataDir({ APPDATA: 'C:\\Users\\u\\AppData\\Roaming' }, 'win32', 'C:\\Users\\u')).toBe(join('C:\\Users\\u\\AppData\\Roaming', 'Cueline'));
    expect(userDataDir({ CUELINE_DATA_DIR: '/tmp/x' }, 'linux', '/home/u')).toBe('/tmp/x');
  });
});
