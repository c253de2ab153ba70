/**
 * The spectrogram's colour map, from the palette (styles.css): silence is the panel's
 * own colour and louder goes through the waveform's accent and the playhead's warm
 * colour to the text colour, so in either scheme level rises monotonically in contrast
 * against the background (light: white, blue, orange, near black; dark: the reverse in
 * lightness), readable where a fixed map (black-to-yellow) would glare in light mode.
 */
import { themeColor, type ThemeProperty } from '../chrome/theme';

const STOPS: ThemeProperty[] = ['--panel', '--wave-progress', '--playhead', '--fg'];
/** Where each stop sits on the 0..255 level scale. */
const AT = [0, 110, 190, 255];

/** `[r, g, b]` of any CSS colour the page understands. */
function rgbOf(color: string, ctx: CanvasRenderingContext2D): [number, number, number] {
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = '#000';
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0]!, d[1]!, d[2]!];
}

/** 256 RGBA colours packed as little-endian Uint32 (ready for a Uint32Array view of ImageData). */
export function spectrogramColorMap(): Uint32Array {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  const stops = STOPS.map((p) => rgbOf(themeColor(p) || '#888', ctx));
  const map = new Uint32Array(256);
  for (let level = 0; level < 256; level++) {
    let s = 0;
    while (s < AT.length - 2 && level > AT[s + 1]!) s++;
    const f = (level - AT[s]!) / (AT[s + 1]! - AT[s]!);
    const [a, b] = [stops[s]!, stops[s + 1]!];
    const c = a.map((x, i) => Math.round(x + (b[i]! - x) * f));
    map[level] = (255 << 24) | (c[2]! << 16) | (c[1]! << 8) | c[0]!;
  }
  return map;
}
