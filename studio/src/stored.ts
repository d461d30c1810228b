import { useState } from "preact/hooks";

const PREFIX = "crosstalk-studio:";

/**
 * State kept in localStorage under `key`, so an unsaved form survives a reload or a network error.
 * Each change is written at once (not after the next paint), so a reload right after typing keeps
 * it. `clear()` forgets it (after a successful save). Never use it for passwords or secrets.
 */
export function useStoredState<T>(key: string, initial: T): [T, (value: T) => void, () => void] {
  const storageKey = PREFIX + key;
  const [value, setValue] = useState<T>(() => {
    try {
      const raw = localStorage.getItem(storageKey);
      return raw === null ? initial : { ...initial, ...(JSON.parse(raw) as T) };
    } catch {
      return initial;
    }
  });
  const set = (next: T) => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(next));
    } catch {
      // Storage full or disabled: the form still works, it just does not survive a reload.
    }
    setValue(next);
  };
  const clear = () => {
    localStorage.removeItem(storageKey);
    setValue(initial);
  };
  return [value, set, clear];
}
