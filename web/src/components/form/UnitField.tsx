/**
 * The one unit field of the app (forms, filters, the unit bar): a tree that starts at the user's
 * own area (a commune officer sees the commune and its villages at once; a national account and a
 * visitor start at the provinces), loads each unit's children on demand, and searches as the user
 * types, ignoring Vietnamese diacritics ("son tinh" finds "Sơn Tịnh"), within the user's area.
 * `multiple` chooses several units at once (the villages a model is replicated to), with checkboxes;
 * `kinds` limits what may be chosen (the other units are still there to walk through).
 *
 * As a form control it takes `value` / `onChange`: a code (or null), or with `multiple` a list of codes.
 */
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { getUnit, listUnits, queryKeys, searchUnits, type ItemList, type UnitSummary } from '../../api';
import { useAuth } from '../../accounts/auth';
import { foldText } from '../../lib/units';
import { errorMessage } from '../ApiErrorAlert';

type Single = string | null;
type Many = string[];

interface BaseProps {
  id?: string;
  className?: string;
  disabled?: boolean;
  allowClear?: boolean;
  placeholder?: string;
  /** Only these unit kinds may be chosen (e.g. ['village']); all kinds when absent. */
  kinds?: readonly string[];
  /** Where the tree starts: the user's own unit (default) or the whole country. */
  scope?: 'own' | 'country';
  'aria-label'?: string;
  'data-testid'?: string;
  status?: 'error' | 'warning';
}

export type UnitFieldProps =
  | (BaseProps & { multiple?: false; value?: Single | undefined; onChange?: (v: Single) => void })
  | (BaseProps & { multiple: true; value?: Many | undefined; onChange?: (v: Many) => void });

interface LabeledValue {
  value: string;
  label?: ReactNode;
}

interface TreeNode {
  value: string;
  kind: string;
  title: ReactNode;
  isLeaf: boolean;
  selectable?: boolean;
  checkable?: boolean;
  disableCheckbox?: boolean;
  children?: TreeNode[];
}

const STALE = 5 * 60_000;
const SEARCH_MIN = 2;

export default function UnitField(props: UnitFieldProps) {
  const { id, className, disabled, allowClear = true, placeholder, kinds, scope = 'own', status } = props;
  const multiple = props.multiple === true;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  // the root of the tree: the user's unit, or none (the provinces)
  const rootCode = scope === 'own' ? (user?.unit?.code ?? null) : null;

  // children already loaded, by parent code
  const [loaded, setLoaded] = useState<Record<string, UnitSummary[]>>({});
  const [expanded, setExpanded] = useState<string[]>(rootCode ? [rootCode] : []);
  const [search, setSearch] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = window.setTimeout(() => setDebounced(search.trim()), 250);
    return () => window.clearTimeout(h);
  }, [search]);
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

  const values: string[] = multiple ? ((props.value as Many | undefined) ?? []) : props.value ? [props.value as string] : [];
  // labels of the chosen units, even when their branch of the tree is not loaded
  const chosen = useQueries({
    queries: values.map((code) => ({
      queryKey: queryKeys.unit(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => getUnit(code, signal),
      staleTime: STALE,
      retry: false,
    })),
  });

  const selectable = useCallback((kind: string) => !kinds || kinds.includes(kind), [kinds]);

  const node = useCallback(
    (u: { code: string; full_name: string; kind: string; has_children?: boolean }, children?: TreeNode[]): TreeNode => {
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

  // --- search: the server folds diacritics; hits outside the user's area are left out ----------
  const searching = debounced.length >= SEARCH_MIN;
  const hits = useQuery({
    queryKey: queryKeys.unitSearch(debounced, 100),
    queryFn: ({ signal }) => searchUnits(debounced, 100, signal),
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
  const parentDetails = useQueries({
    queries: parents.map((code) => ({
      queryKey: queryKeys.unit(code),
      queryFn: ({ signal }: { signal: AbortSignal }) => getUnit(code, signal),
      staleTime: STALE,
      retry: false,
    })),
  });
  const searchTree = useMemo((): TreeNode[] | null => {
    if (!searching) return null;
    const q = foldText(debounced);
    const inArea = (h: { code: string; parent_code: string | null }) => {
      if (!rootCode) return true;
      if (h.code === rootCode || h.parent_code === rootCode) return true;
      const i = parents.indexOf(h.parent_code ?? '');
      const p = i >= 0 ? parentDetails[i]?.data : undefined;
      return !!p && p.ancestors.some((a) => a.code === rootCode);
    };
    const seen = new Set<string>();
    const out: TreeNode[] = [];
    const add = (u: { code: string; full_name: string; kind: string; has_children?: boolean }, where: string | null) => {
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
  }, [searching, debounced, hits.data, rootCode, parents, parentDetails, treeData, node]);

  const labelOf = (code: string, i: number) => chosen[i]?.data?.full_name ?? findTitle(treeData, code) ?? code;
  const busy = (rootCode ? root.isPending || rootChildren.isPending : provinces.isPending) || (searching && hits.isFetching);
  const failed = rootCode ? (root.error ?? rootChildren.error) : provinces.error;

  const common = {
    id,
    className,
    disabled,
    'data-testid': props['data-testid'] ?? 'unit-picker',
    'aria-label': props['aria-label'] ?? t('unitPicker.label'),
    style: { width: '100%' },
    treeData: searchTree ?? treeData,
    loadData: searchTree ? undefined : loadData,
    treeExpandedKeys: searchTree ? undefined : expanded,
    onTreeExpand: (keys: React.Key[]) => setExpanded(keys.map(String)),
    loading: busy,
    allowClear,
    showSearch: true,
    searchValue: search,
    onSearch: setSearch,
    autoClearSearchValue: true,
    filterTreeNode: () => true,
    placeholder: placeholder ?? (multiple ? t('unitPicker.placeholderMany') : t('unitPicker.placeholder')),
    notFoundContent: failed
      ? errorMessage(failed, t('unitPicker.loadError'))
      : searching && hits.isFetching
        ? t('unitPicker.searching')
        : searching
          ? t('unitPicker.noMatch')
          : t('unitPicker.empty'),
    classNames: { popup: { root: 'antq-unit-picker-popup' } },
    listHeight: 360,
    virtual: false,
    treeLine: !searchTree,
    status: failed ? ('error' as const) : status,
  };

  if (multiple) {
    const onChange = props.onChange as ((v: Many) => void) | undefined;
    return (
      <TreeSelect<LabeledValue[]>
        {...common}
        treeCheckable
        treeCheckStrictly
        showCheckedStrategy={TreeSelect.SHOW_ALL}
        labelInValue
        maxTagCount="responsive"
        value={values.map((code, i) => ({ value: code, label: labelOf(code, i) }))}
        onChange={(v) => {
          onChange?.((v ?? []).map((x) => String(x.value)));
          setSearch('');
        }}
      />
    );
  }
  const onChange = props.onChange as ((v: Single) => void) | undefined;
  const value = values[0];
  return (
    <TreeSelect<LabeledValue | undefined>
      {...common}
      labelInValue
      value={value ? { value, label: labelOf(value, 0) } : undefined}
      onChange={(v) => {
        onChange?.(v?.value ? String(v.value) : null);
        setSearch('');
      }}
    />
  );
}

function findTitle(nodes: TreeNode[], code: string): string | undefined {
  for (const n of nodes) {
    if (n.value === code && typeof n.title === 'string') return n.title;
    const found = n.children && findTitle(n.children, code);
    if (found) return found;
  }
  return undefined;
}
