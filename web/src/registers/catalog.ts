/** The register catalogue (GET /api/v1/catalog): activity types, forces, topics… in the shown language. */
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getCatalog, registerKeys, type CatalogItem } from './api';
import type { CatalogKind } from './config';
import { useLanguage } from './labels';

/** GET /api/v1/catalog, cached (it changes rarely), with labels in the shown language. */
export function useCatalog() {
  const lang = useLanguage();
  const catalog = useQuery({
    queryKey: registerKeys.catalog,
    queryFn: ({ signal }) => getCatalog(signal),
    staleTime: 10 * 60_000,
    gcTime: 60 * 60_000,
  });
  const itemLabel = useCallback((item: CatalogItem) => (lang === 'en' && item.label_en ? item.label_en : item.label), [lang]);
  const label = useCallback(
    (kind: CatalogKind, code: string) => {
      const item = catalog.data?.[kind]?.find((c) => c.code === code);
      return item ? itemLabel(item) : code;
    },
    [catalog.data, itemLabel],
  );
  /** Options of a select: the active codes, plus retired ones still in use by this record. */
  const options = useCallback(
    (kind: CatalogKind, keep: readonly string[] = []) =>
      (catalog.data?.[kind] ?? []).filter((c) => c.active || keep.includes(c.code)).map((c) => ({ value: c.code, label: itemLabel(c) })),
    [catalog.data, itemLabel],
  );
  return { catalog, label, options };
}
