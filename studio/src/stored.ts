import { useEffect, useState } from "preact/hooks";

const PREFIX = "crosstalk-studio:";

/**
 * State kept in localStorage under `key`, so an unsaved form survives a reload or a network error.
 * `clear()` forgets it (after a successful save). Never use it for passwords or secrets.
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
  useEffect(() => {
    try {
      localStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      // Storage full or disabled: the form still works, it just does not survive a reload.
    }
  }, [storageKey, value]);
  const clear = () => {
    localStorage.removeItem(storageKey);
    setValue(initial);
  };
  return [value, setValue, clear];
}
