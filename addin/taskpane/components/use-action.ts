/**
 * One user action's state: busy while the host works, the host's error message when it fails.
 * Every button in the pane runs through this, so each shows a busy state and its error.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from './format.js';

export interface ActionState {
  busy: boolean;
  error: string | null;
  /** Runs `work`; returns its result, or undefined when it failed (the error is shown). */
  run: <T>(work: () => Promise<T>) => Promise<T | undefined>;
  clearError: () => void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const run = useCallback(async <T>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setError(null);
    try {
      return await work();
    } catch (e) {
      if (mounted.current) setError(errorMessage(e));
      return undefined;
    } finally {
      if (mounted.current) setBusy(false);
    }
  }, []);
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
