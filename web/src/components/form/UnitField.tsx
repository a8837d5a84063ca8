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
import { TreeSelect } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../accounts/auth';
import { errorMessage } from '../ApiErrorAlert';
import { useDebounced, useUnitDetails, useUnitNode, useUnitSearch, useUnitTree, type TreeNode } from './unitTree';

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
  /** The field's message (NativeField's `invalidProps`): read with the field. */
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  'data-testid'?: string;
  status?: 'error' | 'warning';
  /** Ant Design's control size; `large` beside the quick form's native controls (40 px). */
  size?: 'middle' | 'large';
  /** Focused and open when it appears (DeferredUnitField: the user reached for it). */
  autoFocus?: boolean;
  defaultOpen?: boolean;
}

export type UnitFieldProps =
  | (BaseProps & { multiple?: false; value?: Single | undefined; onChange?: (v: Single) => void })
  | (BaseProps & { multiple: true; value?: Many | undefined; onChange?: (v: Many) => void });

interface LabeledValue {
  value: string;
  label?: ReactNode;
}

const SEARCH_MIN = 2;

export default function UnitField(props: UnitFieldProps) {
  const { id, className, disabled, allowClear = true, placeholder, kinds, scope = 'own', status, autoFocus, defaultOpen, size } = props;
  const multiple = props.multiple === true;
  const { t } = useTranslation();
  const { user } = useAuth();
  // the root of the tree: the user's unit, or none (the provinces)
  const rootCode = scope === 'own' ? (user?.unit?.code ?? null) : null;
  const [search, setSearch] = useState('');
  const debounced = useDebounced(search.trim(), 250);

  const node = useUnitNode(kinds, multiple);
  const tree = useUnitTree(rootCode, node);
  const searching = debounced.length >= SEARCH_MIN;
  const found = useUnitSearch({ text: debounced, searching, rootCode, treeData: tree.treeData, node });
  const searchTree = found.searchTree;

  const values: string[] = multiple ? ((props.value as Many | undefined) ?? []) : props.value ? [props.value as string] : [];
  // labels of the chosen units, even when their branch of the tree is not loaded
  const chosen = useUnitDetails(values);
  const labelOf = (code: string, i: number) => chosen[i]?.data?.full_name ?? findTitle(tree.treeData, code) ?? code;
  const busy = tree.pending || (searching && found.fetching);

  const common = {
    id,
    className,
    disabled,
    size,
    autoFocus,
    defaultOpen,
    'data-testid': props['data-testid'] ?? 'unit-picker',
    'aria-label': props['aria-label'] ?? t('unitPicker.label'),
    'aria-invalid': props['aria-invalid'],
    'aria-describedby': props['aria-describedby'],
    style: { width: '100%' },
    treeData: searchTree ?? tree.treeData,
    loadData: searchTree ? undefined : tree.loadData,
    treeExpandedKeys: searchTree ? undefined : tree.expanded,
    onTreeExpand: (keys: React.Key[]) => tree.setExpanded(keys.map(String)),
    loading: busy,
    allowClear,
    showSearch: true,
    searchValue: search,
    onSearch: setSearch,
    autoClearSearchValue: true,
    filterTreeNode: () => true,
    placeholder: placeholder ?? (multiple ? t('unitPicker.placeholderMany') : t('unitPicker.placeholder')),
    notFoundContent: tree.failed
      ? errorMessage(tree.failed, t('unitPicker.loadError'))
      : searching && found.fetching
        ? t('unitPicker.searching')
        : searching
          ? t('unitPicker.noMatch')
          : t('unitPicker.empty'),
    classNames: { popup: { root: 'antq-unit-picker-popup' } },
    listHeight: 360,
    virtual: false,
    treeLine: !searchTree,
    status: tree.failed ? ('error' as const) : status,
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
