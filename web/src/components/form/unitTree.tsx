/**
 * The parts of the unit field (UnitField): the tree, loaded level by level from the user's own
 * area, and the search within that area.
 */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getUnit, listUnits, queryKeys, searchUnits, type ItemList, type UnitSummary } from '../../api';
import { foldText } from '../../lib/units';
import { errorMessage } from '../ApiErrorAlert';
import { useFeedback } from '../feedback';

export interface TreeNode {
  value: string;
  kind: string;
  title: ReactNode;
  isLeaf: boolean;
  selectable?: boolean;
  checkable?: boolean;
  disableCheckbox?: boolean;
  children?: TreeNode[];
}

interface NodeUnit {
  code: string;
  full_name: string;
  kind: string;
  has_children?: boolean;
}

/** Makes a tree node of a unit (and its children when they are loaded). */
type MakeNode = (u: NodeUnit, children?: TreeNode[]) => TreeNode;

const STALE = 5 * 60_000;

/** `value`, once it has not changed for `ms` milliseconds. */
export function useDebounced(value: string, ms: number): string {
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = window.setTimeout(() => setDebounced(value), ms);
    return () => window.clearTimeout(h);
  }, [value, ms]);
  return debounced;
}

/** The tree node maker: only units of `kinds` may be chosen (with `multiple`, checked). */
export function useUnitNode(kinds: readonly string[] | undefined, multiple: boolean): MakeNode {
  const selectable = useCallback((kind: string) => !kinds || kinds.includes(kind), [kinds]);
  return useCallback(
    (u: NodeUnit, children?: TreeNode[]): TreeNode => {
      const can = selectable(u.kind);
      return {
        value: u.code,
        kind: u.kind,
        title: u.full_name,
        isLeaf: u.has_children === false,
        selectable: can,
        checkable: multiple ? can : undefined,
        disableCheckbox: multiple && !can ? true : undefined,
        children,
      };
    },
    [selectable, multiple],
  );
}

/** The details of the units `codes` (their names, also where their branch of the tree is not loaded). */
export function useUnitDetails(codes: string[]) {
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: queryKeys.unit(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => getUnit(code, signal),
      staleTime: STALE,
      retry: false,
    })),
  });
}

/**
 * The tree from `rootCode` (the root and its children at once) or from the provinces, each
 * branch's children loaded when it is opened.
 */
export function useUnitTree(rootCode: string | null, node: MakeNode) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  // children already loaded, by parent code
  const [loaded, setLoaded] = useState<Record<string, UnitSummary[]>>({});
  const [expanded, setExpanded] = useState<string[]>(rootCode ? [rootCode] : []);
  useEffect(() => setExpanded(rootCode ? [rootCode] : []), [rootCode]);

  const provinces = useQuery({
    queryKey: queryKeys.unitChildren(null),
    queryFn: ({ signal }) => listUnits(null, signal),
    staleTime: STALE,
    enabled: !rootCode,
  });
  const root = useQuery({
    queryKey: queryKeys.unit(rootCode ?? ''),
    queryFn: ({ signal }) => getUnit(rootCode!, signal),
    staleTime: STALE,
    enabled: !!rootCode,
    retry: false,
  });
  // the root's children at once: a commune officer sees the villages without a click
  const rootChildren = useQuery({
    queryKey: queryKeys.unitChildren(rootCode),
    queryFn: ({ signal }) => listUnits(rootCode, signal),
    staleTime: STALE,
    enabled: !!rootCode,
  });

  const treeData = useMemo(() => {
    const build = (items: UnitSummary[]): TreeNode[] =>
      items.map((u) => {
        // children another field has loaded already come from the query cache: a branch whose
        // loadData answers at once (from the cache) made rc-tree ask again and again, freezing the page
        const kids = loaded[u.code] ?? queryClient.getQueryData<ItemList<UnitSummary>>(queryKeys.unitChildren(u.code))?.items;
        return node(u, kids ? build(kids) : undefined);
      });
    if (rootCode) {
      if (!root.data) return [];
      const kids = rootChildren.data?.items;
      return [node({ ...root.data, has_children: root.data.has_children ?? root.data.kind !== 'village' }, kids ? build(kids) : undefined)];
    }
    return build(provinces.data?.items ?? []);
  }, [rootCode, root.data, rootChildren.data, provinces.data, loaded, queryClient, node]);

  const loadData = useCallback(
    async (n: { value?: string | number | null }) => {
      const code = n.value == null ? '' : String(n.value);
      if (!code || loaded[code] || code === rootCode) return;
      try {
        const res = await queryClient.fetchQuery({
          queryKey: queryKeys.unitChildren(code),
          queryFn: ({ signal }) => listUnits(code, signal),
          staleTime: STALE,
        });
        setLoaded((prev) => (prev[code] ? prev : { ...prev, [code]: res.items }));
      } catch (e) {
        void message.error(errorMessage(e, t('unitPicker.loadError')));
        throw e;
      }
    },
    [loaded, queryClient, message, t, rootCode],
  );

  const pending = rootCode ? root.isPending || rootChildren.isPending : provinces.isPending;
  const failed = rootCode ? (root.error ?? rootChildren.error) : provinces.error;
  return { treeData, loadData, expanded, setExpanded, pending, failed };
}

/**
 * The search: the server folds diacritics; hits outside the user's area (below `rootCode`) are
 * left out; units already in the tree answer at once. `searchTree` is null while not searching.
 */
export function useUnitSearch({
  text,
  searching,
  rootCode,
  treeData,
  node,
}: {
  text: string;
  searching: boolean;
  rootCode: string | null;
  treeData: TreeNode[];
  node: MakeNode;
}) {
  const hits = useQuery({
    queryKey: queryKeys.unitSearch(text, 100),
    queryFn: ({ signal }) => searchUnits(text, 100, signal),
    enabled: searching,
    staleTime: STALE,
  });
  // whether a hit lies in the area: its parent is the root, or the root is among its parent's ancestors
  const parents = useMemo(() => {
    if (!rootCode || !hits.data) return [];
    const codes = new Set<string>();
    for (const h of hits.data.items) if (h.code !== rootCode && h.parent_code && h.parent_code !== rootCode) codes.add(h.parent_code);
    return [...codes].slice(0, 30);
  }, [hits.data, rootCode]);
  const parentDetails = useUnitDetails(parents);
  const searchTree = useMemo((): TreeNode[] | null => {
    if (!searching) return null;
    const q = foldText(text);
    const inArea = (h: { code: string; parent_code: string | null }) => {
      if (!rootCode) return true;
      if (h.code === rootCode || h.parent_code === rootCode) return true;
      const i = parents.indexOf(h.parent_code ?? '');
      const p = i >= 0 ? parentDetails[i]?.data : undefined;
      return !!p && p.ancestors.some((a) => a.code === rootCode);
    };
    const seen = new Set<string>();
    const out: TreeNode[] = [];
    const add = (u: NodeUnit, where: string | null) => {
      if (seen.has(u.code)) return;
      seen.add(u.code);
      const n = node({ ...u, has_children: false });
      n.title = (
        <span className="antq-unit-hit">
          <span className="antq-unit-hit__name">{u.full_name}</span>
          {where && <span className="antq-unit-hit__where">{where}</span>}
        </span>
      );
      out.push(n);
    };
    // units already in the tree (the root's villages) answer at once
    const walk = (nodes: TreeNode[], parent: string | null) => {
      for (const n of nodes) {
        const name = typeof n.title === 'string' ? n.title : '';
        if (name && foldText(name).includes(q)) add({ code: n.value, full_name: name, kind: n.kind }, parent);
        if (n.children) walk(n.children, name || parent);
      }
    };
    walk(treeData, null);
    for (const h of hits.data?.items ?? []) if (inArea(h)) add(h, h.parent_full_name);
    return out;
  }, [searching, text, hits.data, rootCode, parents, parentDetails, treeData, node]);
  return { searchTree, fetching: hits.isFetching };
}
