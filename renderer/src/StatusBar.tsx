export interface CursorInfo {
  line: number;
  column: number;
  lines: number;
}

export function StatusBar({ cursor, dirty, name }: { cursor: CursorInfo; dirty: boolean; name: string | null }) {
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span>{name ?? '—'}{dirty ? ' (modified)' : ''}</span>
      <span>Ln {cursor.line}, Col {cursor.column}</span>
      <span>{cursor.lines} lines</span>
    </footer>
  );
}
