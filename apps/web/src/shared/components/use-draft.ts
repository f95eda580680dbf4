import { useCallback, useEffect, useState } from 'react';

/**
 * Form state that is also kept in sessionStorage (this tab only), so what someone typed survives a
 * session that ends mid-edit: after signing in again they come back to the same values.
 */
export function useDraft<T>(key: string, initial: () => T): [T, (update: T | ((old: T) => T)) => void, () => void] {
  const storageKey = `opvolging:draft:${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const stored = sessionStorage.getItem(storageKey);
      if (stored) return JSON.parse(stored) as T;
    } catch {
      /* no storage: plain state */
    }
    return initial();
  });
  useEffect(() => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(value));
    } catch {
      /* full or unavailable */
    }
  }, [storageKey, value]);
  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(storageKey);
    } catch {
      /* unavailable */
    }
  }, [storageKey]);
  return [value, setValue, clear];
}
