import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/** Page sizes offered by the staff tables. */
export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;

/** A positive whole number from the URL, else the fallback. */
export function positiveInt(value: string | null, fallback: number, max = 10_000): number {
  if (!value || !/^\d+$/.test(value)) return fallback;
  const n = Number(value);
  return n >= 1 && n <= max ? n : fallback;
}

/**
 * Filters and paging of a staff table, kept in the URL (so a reload or a shared link keeps
 * them) next to the other parameters (the chosen `unit`).
 */
export function useListParams<K extends string>(filterKeys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(filterKeys.map((k) => [k, params.get(k)?.trim() ?? ''])) as Record<K, string>;
  const page = positiveInt(params.get('page'), 1);
  const perPage = positiveInt(params.get('per_page'), DEFAULT_PAGE_SIZE, 500);

  /** Replaces the filters; back to the first page. */
  const setFilters = useCallback(
    (next: Partial<Record<K, string>>) => {
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(next) as [K, string | undefined][]) {
          if (v && v.trim()) p.set(k, v.trim());
          else p.delete(k);
        }
        p.delete('page');
        return p;
      });
    },
    [setParams],
  );

  const setPage = useCallback(
    (nextPage: number, nextPerPage: number) => {
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        if (nextPerPage !== positiveInt(prev.get('per_page'), DEFAULT_PAGE_SIZE, 500)) nextPage = 1;
        if (nextPage > 1) p.set('page', String(nextPage));
        else p.delete('page');
        if (nextPerPage !== DEFAULT_PAGE_SIZE) p.set('per_page', String(nextPerPage));
        else p.delete('per_page');
        return p;
      });
    },
    [setParams],
  );

  return { filters, page, perPage, setFilters, setPage };
}

/** A list's query from its filters (an empty filter is left out) and its paging. */
export function listQuery<K extends string>(filters: Record<K, string>, page: number, perPage: number) {
  const query = Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, (v as string) || undefined])) as Partial<Record<K, string>>;
  return { ...query, page, per_page: perPage };
}
