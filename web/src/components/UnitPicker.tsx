import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, TreeSelect } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getUnit, listUnits, queryKeys, type ItemList, type UnitSummary } from '../api';
import { errorMessage } from './ApiErrorAlert';

interface Props {
  value: string | null;
  onChange: (code: string | null) => void;
  id?: string;
  className?: string;
  disabled?: boolean;
}

interface LabeledValue {
  value: string;
  label?: string;
}

interface TreeNode {
  value: string;
  title: string;
  isLeaf: boolean;
  children?: TreeNode[];
}

/**
 * The administrative unit picker: a TreeSelect that starts with the provinces and loads
 * each unit's children from the API when the unit is expanded.
 */
export default function UnitPicker({ value, onChange, id, className, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // children already loaded, by parent code
  const [loaded, setLoaded] = useState<Record<string, UnitSummary[]>>({});

  const top = useQuery({
    queryKey: queryKeys.unitChildren(null),
    queryFn: ({ signal }) => listUnits(null, signal),
    staleTime: 5 * 60_000,
  });

  // the label of the chosen unit, even when its branch of the tree is not loaded yet
  const selected = useQuery({
    queryKey: queryKeys.unit(value ?? ''),
    queryFn: ({ signal }) => getUnit(value ?? '', signal),
    enabled: !!value,
    staleTime: 5 * 60_000,
    retry: false,
  });

  const treeData = useMemo(() => {
    const build = (items: UnitSummary[]): TreeNode[] =>
      items.map((u) => {
        // children another picker has loaded already come from the query cache: a branch whose
        // loadData answers at once (from the cache) made rc-tree ask again and again, freezing the page
        const kids = loaded[u.code] ?? queryClient.getQueryData<ItemList<UnitSummary>>(queryKeys.unitChildren(u.code))?.items;
        return {
          value: u.code,
          title: u.full_name,
          isLeaf: !u.has_children,
          children: kids ? build(kids) : undefined,
        };
      });
    return build(top.data?.items ?? []);
  }, [top.data, loaded, queryClient]);

  const loadData = useCallback(
    async (node: { value?: string | number | null }) => {
      const code = node.value == null ? '' : String(node.value);
      if (!code || loaded[code]) return;
      try {
        const res = await queryClient.fetchQuery({
          queryKey: queryKeys.unitChildren(code),
          queryFn: ({ signal }) => listUnits(code, signal),
          staleTime: 5 * 60_000,
        });
        setLoaded((prev) => (prev[code] ? prev : { ...prev, [code]: res.items }));
      } catch (e) {
        void message.error(errorMessage(e, t('unitPicker.loadError')));
        throw e;
      }
    },
    [loaded, queryClient, message, t],
  );

  const label = value ? (selected.data?.full_name ?? findTitle(treeData, value) ?? value) : undefined;

  return (
    <TreeSelect<LabeledValue | undefined>
      id={id}
      className={className}
      disabled={disabled}
      data-testid="unit-picker"
      aria-label={t('unitPicker.label')}
      style={{ width: '100%' }}
      labelInValue
      value={value ? { value, label } : undefined}
      onChange={(v) => onChange(v?.value ?? null)}
      treeData={treeData}
      loadData={loadData}
      loading={top.isFetching}
      allowClear
      placeholder={t('unitPicker.placeholder')}
      notFoundContent={top.isError ? errorMessage(top.error, t('unitPicker.loadError')) : t('unitPicker.empty')}
      classNames={{ popup: { root: 'antq-unit-picker-popup' } }}
      listHeight={360}
      virtual={false}
      treeLine
      status={top.isError ? 'error' : undefined}
    />
  );
}

function findTitle(nodes: TreeNode[], code: string): string | undefined {
  for (const n of nodes) {
    if (n.value === code) return n.title;
    const found = n.children && findTitle(n.children, code);
    if (found) return found;
  }
  return undefined;
}
