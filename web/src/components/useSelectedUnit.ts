import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** The chosen unit lives in the URL query (`?unit=21220`), so a link or a reload keeps it. */
export const UNIT_PARAM = 'unit';

export function useSelectedUnit(): [string | null, (code: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const code = params.get(UNIT_PARAM)?.trim() || null;
  const setCode = useCallback(
    (next: string | null) => {
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        if (next) p.set(UNIT_PARAM, next);
        else p.delete(UNIT_PARAM);
        return p;
      });
    },
    [setParams],
  );
  return [code, setCode];
}

/** The query string that carries the chosen unit to another page ("" when none). */
export function unitSearch(code: string | null): string {
  return code ? `?${UNIT_PARAM}=${encodeURIComponent(code)}` : '';
}
