/** Listeners per main-process event, for the page shims (no Electron ipcRenderer there). */
export interface EventHub {
  emit(event: string, payload: unknown): void;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
}

export function eventHub(): EventHub {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  return {
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
