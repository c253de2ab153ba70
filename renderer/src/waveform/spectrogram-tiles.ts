/**
 * The spectrogram's tiles: at a zoom, the file's width in pixels is cut into tiles of
 * TILE_COLUMNS columns (one column a pixel); only the tiles in and next to the view
 * are ever computed, and a bounded least-recently-used cache keeps the ones seen, so
 * scrolling back is free and memory is bounded whatever the file's length. Pure.
 */

/** 2.6 s of audio at the opening zoom. A tile's cost is mostly its Range request: measured, 64-column tiles came no faster than these (and a view took twice as many), 256-column ones slower. */
export const TILE_COLUMNS = 128;
/**
 * Most samples one tile may read (about 47 s at 44.1 kHz, 4 MiB of 16-bit stereo PCM
 * to decode and move): below the zoom this allows (~2.7 px/s) the strip asks to zoom in
 * rather than decode minutes of audio per tile.
 */
export const MAX_TILE_SAMPLES = 2 ** 21;

export interface TileId {
  key: string;
  /** First column (pixel) of the tile at this zoom. */
  first: number;
  columns: number;
  secondsPerColumn: number;
}

/** Least px/s the spectrogram is computed at for audio of `sampleRate`. */
export function minSpectrogramPxPerSec(sampleRate: number): number {
  return (TILE_COLUMNS * sampleRate) / MAX_TILE_SAMPLES;
}

/** The cache key of tile `index` at `pxPerSec`. */
export function tileKey(pxPerSec: number, index: number): string {
  return `${pxPerSec.toPrecision(9)}:${index}`;
}

/**
 * The tiles covering pixels `[scroll, scroll + width)` at `pxPerSec` over `duration`
 * seconds, the one under the view's centre first, then outwards; then `margin` tiles
 * beyond each side (prefetched, so a scroll finds them ready).
 */
export function tilesForView(scroll: number, width: number, pxPerSec: number, duration: number, margin = 1): { visible: TileId[]; ahead: TileId[] } {
  const totalColumns = Math.ceil(duration * pxPerSec);
  const last = Math.max(0, Math.ceil(totalColumns / TILE_COLUMNS) - 1);
  const firstTile = Math.max(0, Math.floor(scroll / TILE_COLUMNS));
  const lastTile = Math.min(last, Math.floor((scroll + Math.max(1, width) - 1) / TILE_COLUMNS));
  const centre = (scroll + width / 2) / TILE_COLUMNS;
  const id = (index: number): TileId => ({
    key: tileKey(pxPerSec, index),
    first: index * TILE_COLUMNS,
    columns: Math.min(TILE_COLUMNS, totalColumns - index * TILE_COLUMNS),
    secondsPerColumn: 1 / pxPerSec,
  });
  const visible: TileId[] = [];
  for (let i = firstTile; i <= lastTile; i++) visible.push(id(i));
  visible.sort((a, b) => Math.abs(a.first / TILE_COLUMNS + 0.5 - centre) - Math.abs(b.first / TILE_COLUMNS + 0.5 - centre));
  const ahead: TileId[] = [];
  for (let d = 1; d <= margin; d++) {
    if (lastTile + d <= last) ahead.push(id(lastTile + d));
    if (firstTile - d >= 0) ahead.push(id(firstTile - d));
  }
  return { visible, ahead };
}

/**
 * A least-recently-used map of at most `capacity` entries whose sizes (`bytesOf`) sum to
 * at most `maxBytes`: the bound holds whatever the tiles' shape (rows, a clipped last tile).
 */
export class TileCache<T> {
  private readonly entries = new Map<string, T>();
  private held = 0;

  constructor(readonly capacity: number, readonly maxBytes = Infinity, private readonly bytesOf: (value: T) => number = () => 0) {}

  get size(): number {
    return this.entries.size;
  }

  /** What the entries weigh together (`bytesOf` summed). */
  get bytes(): number {
    return this.held;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The entry, now the most recently used. */
  get(key: string): T | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: T): void {
    this.delete(key);
    this.entries.set(key, value);
    this.held += this.bytesOf(value);
    // The newest entry always stays, even alone over the bound: it is the one being drawn.
    while (this.entries.size > 1 && (this.entries.size > this.capacity || this.held > this.maxBytes)) this.delete(this.entries.keys().next().value!);
  }

  values(): IterableIterator<T> {
    return this.entries.values();
  }

  private delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.held -= this.bytesOf(value);
    this.entries.delete(key);
  }
}
