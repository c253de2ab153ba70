/** `H:MM:SS.d` for the playhead display. */
export function formatClock(seconds: number): string {
  const tenths = Math.max(0, Math.floor(seconds * 10));
  const h = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = Math.floor((tenths % 600) / 10);
  return `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}.${tenths % 10}`;
}
