import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { getUnit, queryKeys } from '../../api';
import { listTipAssignees, type TipDetail as Tip } from '../api';
import { PERMISSIONS, hasPermission, useAuth } from '../../accounts/auth';
import { matchOption } from '../../lib/units';

/**
 * The colleague to give the tip to: a list of the active police officers of the tip's unit and the
 * units above it, within the caller's area (searchable without diacritics); the caller is always there.
 */
export default function AssigneeSelect(props: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  tip: Tip;
  disabled?: boolean;
}) {
  const { tip, value, onChange, id, disabled } = props;
  const { t } = useTranslation();
  const { user } = useAuth();
  const unit = useQuery({
    queryKey: queryKeys.unit(tip.unit.code),
    queryFn: ({ signal }) => getUnit(tip.unit.code, signal),
    staleTime: 5 * 60_000,
  });
  const chain = unit.data ? [tip.unit.code, ...unit.data.ancestors.map((a) => a.code)] : null;
  const people = useQuery({
    queryKey: ['staff', 'tips', 'assignees', String(tip.id)],
    queryFn: ({ signal }) => listTipAssignees(tip.id, chain ?? [tip.unit.code], hasPermission(user, PERMISSIONS.usersManage), signal),
    enabled: !!chain,
    staleTime: 60_000,
    retry: false,
  });
  const options = (people.data ?? []).map((u) => ({
    value: u.username,
    label: `${u.display_name || u.username} (${u.username})${u.unit ? ` · ${u.unit.name}` : ''}`,
  }));
  // the caller and the current assignee are always offered, even when the list cannot be read
  if (user && !options.some((o) => o.value === user.username)) {
    options.unshift({ value: user.username, label: `${user.display_name || user.username} (${user.username}) · ${t('tips.handle.me')}` });
  }
  if (tip.assignee && !options.some((o) => o.value === tip.assignee)) options.push({ value: tip.assignee, label: tip.assignee });
  return (
    <Select
      id={id}
      value={value || undefined}
      onChange={(v?: string) => onChange?.(v ?? '')}
      options={options}
      showSearch
      allowClear
      disabled={disabled}
      filterOption={matchOption}
      loading={unit.isPending || people.isFetching}
      placeholder={t('tips.handle.assigneePlaceholder')}
      notFoundContent={people.isError ? t('tips.handle.assigneesUnavailable') : t('tips.handle.noAssignees')}
      aria-label={t('tips.handle.assignee')}
      data-testid="handle-assignee"
      style={{ width: '100%' }}
    />
  );
}
