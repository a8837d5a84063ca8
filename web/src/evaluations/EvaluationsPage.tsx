/**
 * `/danh-gia-an-toan`: the yearly "An toàn về an ninh, trật tự" evaluations — the list (filters in
 * the address), the units not yet recognised this year, the registrations to strive for the
 * standard, and the dialog that starts a new evaluation.
 */
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Form, InputNumber, Modal, Progress, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import RequireAuth from '../accounts/RequireAuth';
import UnitField from '../components/form/UnitField';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDate, formatNumber } from '../lib/format';
import { PAGE_SIZES, useListParams } from '../components/listParams';
import { useSelectedUnit } from '../components/useSelectedUnit';
import CountInput from '../components/form/CountInput';
import DateInput from '../components/form/DateInput';
import { dayOf, todayVN, yearVN } from '../registers/payload';
import {
  EVALUATION_STATUSES,
  TARGET_KINDS,
  createEvaluation,
  createRegistration,
  evaluationKeys,
  listCriteriaSets,
  listEvaluations,
  listPending,
  listRegistrations,
  updateRegistration,
  type EvaluationRow,
  type PendingUnit,
  type Registration,
} from './api';
import { householdShare } from './logic';
import { EVALUATIONS_READ, EVALUATIONS_WRITE, EVALUATION_CRITERIA_PATH, evaluationPath } from './paths';
import { ResultTag, StatusTag, unitName } from './tags';
import './evaluations.css';
import { useNarrow } from '../components/useBreakpoint';

const { Title, Paragraph, Text } = Typography;
const TABS = ['list', 'pending', 'registrations'] as const;
type Tab = (typeof TABS)[number];

export default function EvaluationsPage() {
  return (
    <RequireAuth permission={EVALUATIONS_READ}>
      <Evaluations />
    </RequireAuth>
  );
}


function Evaluations() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'list';
  const [creating, setCreating] = useState<{ unit?: string; year?: number } | null>(null);
  const canWrite = hasPermission(user, EVALUATIONS_WRITE);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('evaluations.title') });
  }, [t]);

  const narrow = useNarrow();
  const setTab = (next: string) =>
    setParams((prev) => {
      const p = new URLSearchParams();
      const unit = prev.get('unit');
      if (unit) p.set('unit', unit);
      if (next !== 'list') p.set('tab', next);
      return p;
    });

  return (
    <div className="antq-admin antq-eval-page" data-testid="evaluations-page">
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {t('evaluations.title')}
          </Title>
          <Paragraph type="secondary">{t('evaluations.intro')}</Paragraph>
        </div>
        <Space wrap>
          <Link to={EVALUATION_CRITERIA_PATH}>{t('evaluations.nav.criteria')}</Link>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})} data-testid="evaluation-add">
              {t('evaluations.create.button')}
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'list', label: t(narrow ? 'evaluations.tabs.listShort' : 'evaluations.tabs.list'), children: <EvaluationList /> },
          {
            key: 'pending',
            label: t(narrow ? 'evaluations.tabs.pendingShort' : 'evaluations.tabs.pending'),
            children: <PendingList onCreate={(unit, year) => setCreating({ unit, year })} />,
          },
          { key: 'registrations', label: t(narrow ? 'evaluations.tabs.registrationsShort' : 'evaluations.tabs.registrations'), children: <Registrations /> },
        ]}
      />
      <CreateDialog open={creating !== null} initial={creating ?? {}} onClose={() => setCreating(null)} />
    </div>
  );
}

// --- the list ------------------------------------------------------------------------------------

const LIST_KEYS = ['year', 'status', 'target_kind'] as const;

function EvaluationList() {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const { filters, page, perPage, setFilters, setPage } = useListParams(LIST_KEYS);
  const [unit, setUnit] = useSelectedUnit();
  const query = {
    unit: unit ?? undefined,
    year: filters.year || undefined,
    status: filters.status || undefined,
    target_kind: filters.target_kind || undefined,
    page,
    per_page: perPage,
  };
  const list = useQuery({
    queryKey: evaluationKeys.list(query),
    queryFn: ({ signal }) => listEvaluations(query, signal),
    placeholderData: keepPreviousData,
  });
  const anyFilter = LIST_KEYS.some((k) => filters[k]) || !!unit;
  const link = (r: EvaluationRow) => (
    <>
      <Link to={evaluationPath(r.id)} data-testid="evaluation-link">
        {unitName(r.unit)}
      </Link>
      {/* an optional set ("6 không") beside the official one: say which */}
      {r.criteria_set?.optional && (
        <Tag color="purple" className="antq-eval-set-tag">
          {r.criteria_set.title}
        </Tag>
      )}
    </>
  );
  const columns: ColumnsType<EvaluationRow> = [
    { title: t('evaluations.list.unit'), key: 'unit', render: (_, r) => link(r) },
    { title: t('evaluations.list.kind'), key: 'kind', render: (_, r) => t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind }) },
    { title: t('evaluations.list.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('evaluations.detail.evaluatedOn'),
      key: 'evaluated_on',
      width: 130,
      render: (_, r) => <span className="antq-nowrap">{formatDate(r.evaluated_on ?? null)}</span>,
    },
    { title: t('evaluations.list.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} />, width: 150 },
    { title: t('evaluations.list.result'), key: 'result', render: (_, r) => <ResultTag result={r.result} expected={r.status !== 'approved'} />, width: 150 },
    {
      title: t('evaluations.list.progress'),
      key: 'progress',
      width: 150,
      render: (_, r) =>
        r.progress ? (
          <Progress percent={r.progress.total ? Math.round((r.progress.answered * 100) / r.progress.total) : 0} size="small" format={() => `${r.progress!.answered}/${r.progress!.total}`} />
        ) : null,
    },
  ];
  const compact: ColumnsType<EvaluationRow> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="antq-compact-row" data-testid="evaluation-card">
          <div className="antq-compact-row__head">
            {link(r)}
            <span>
              <StatusTag status={r.status} /> <ResultTag result={r.result} expected={r.status !== 'approved'} />
            </span>
          </div>
          <Text type="secondary">
            {t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind })} · {r.year}
            {r.evaluated_on ? ` · ${formatDate(r.evaluated_on)}` : ''}
            {r.progress ? ` · ${r.progress.answered}/${r.progress.total}` : ''}
          </Text>
        </div>
      ),
    },
  ];
  return (
    <>
      <div className="antq-reg-filters" data-testid="evaluation-filters">
        <div className="antq-reg-filter antq-reg-filter--wide">
          <span className="antq-reg-filter__label">{t('evaluations.list.unit')}</span>
          <UnitField value={unit} onChange={setUnit} />
        </div>
        <label className="antq-reg-filter">
          <span className="antq-reg-filter__label">{t('evaluations.list.year')}</span>
          <InputNumber
            value={filters.year ? Number(filters.year) : null}
            onChange={(v) => setFilters({ year: v ? String(v) : '' })}
            min={2000}
            max={2100}
            precision={0}
            placeholder={t('registers.list.all')}
            style={{ width: '100%' }}
            data-testid="filter-year"
          />
        </label>
        <label className="antq-reg-filter">
          <span className="antq-reg-filter__label">{t('evaluations.list.status')}</span>
          <Select
            allowClear
            placeholder={t('registers.list.all')}
            value={filters.status || undefined}
            onChange={(v?: string) => setFilters({ status: v ?? '' })}
            options={EVALUATION_STATUSES.map((s) => ({ value: s, label: t(`evaluations.status.${s}`) }))}
            data-testid="filter-status"
          />
        </label>
        <label className="antq-reg-filter">
          <span className="antq-reg-filter__label">{t('evaluations.list.kind')}</span>
          <Select
            allowClear
            placeholder={t('registers.list.all')}
            value={filters.target_kind || undefined}
            onChange={(v?: string) => setFilters({ target_kind: v ?? '' })}
            options={TARGET_KINDS.map((k) => ({ value: k, label: t(`evaluations.kinds.${k}`) }))}
          />
        </label>
        {anyFilter && (
          <div className="antq-reg-filter antq-reg-filter--end">
            <Button
              onClick={() => {
                setFilters({ year: '', status: '', target_kind: '' });
                setUnit(null);
              }}
            >
              {t('registers.list.reset')}
            </Button>
          </div>
        )}
      </div>
      <div className="antq-reg-toolbar">
        <Text type="secondary" data-testid="evaluation-total">
          {list.data ? t('evaluations.list.total', { n: formatNumber(list.data.total) }) : ''}
        </Text>
      </div>
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<EvaluationRow>
        className="antq-block"
        data-testid="evaluation-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compact : columns.filter((c) => c.key !== 'progress' || list.data?.items.some((r) => r.progress))}
        showHeader={!narrow}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={narrow ? undefined : { x: 800 }}
        locale={{ emptyText: anyFilter ? t('registers.list.noneFiltered') : t('evaluations.list.none') }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.per_page ?? perPage,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: !narrow,
          size: narrow ? 'small' : undefined,
          onChange: setPage,
        }}
      />
    </>
  );
}

// --- units not yet recognised --------------------------------------------------------------------

function PendingList({ onCreate }: { onCreate: (unit: string, year: number) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const narrow = useNarrow();
  const [unit, setUnit] = useSelectedUnit();
  const [year, setYear] = useState<number>(yearVN());
  const canWrite = hasPermission(user, EVALUATIONS_WRITE);
  const query = { unit: unit ?? undefined, year };
  const pending = useQuery({ queryKey: evaluationKeys.pending(query), queryFn: ({ signal }) => listPending(query, signal) });
  const registeredTag = (r: PendingUnit) =>
    r.registered ? <Tag color="green">{t('evaluations.pending.yes')}</Tag> : <Tag>{t('evaluations.pending.no')}</Tag>;
  const evaluationCell = (r: PendingUnit) =>
    r.evaluation ? (
      <Link to={evaluationPath(r.evaluation.id)}>
        <StatusTag status={r.evaluation.status} /> <ResultTag result={r.evaluation.result} expected={r.evaluation.status !== 'approved'} />
      </Link>
    ) : canWrite ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => onCreate(r.unit.code, year)} data-testid="pending-create">
        {t('evaluations.pending.create')}
      </Button>
    ) : (
      <Text type="secondary">{t('evaluations.pending.none')}</Text>
    );
  const compact: ColumnsType<PendingUnit> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="antq-compact-row" data-testid="pending-card">
          <div className="antq-compact-row__head">
            <Text strong>{unitName(r.unit)}</Text>
            {registeredTag(r)}
          </div>
          <Text type="secondary">{t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind })}</Text>
          <div>{evaluationCell(r)}</div>
        </div>
      ),
    },
  ];
  const columns: ColumnsType<PendingUnit> = [
    { title: t('evaluations.list.unit'), key: 'unit', render: (_, r) => unitName(r.unit) },
    { title: t('evaluations.list.kind'), key: 'kind', render: (_, r) => t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind }) },
    { title: t('evaluations.pending.registered'), key: 'registered', render: (_, r) => registeredTag(r) },
    { title: t('evaluations.pending.evaluation'), key: 'evaluation', render: (_, r) => evaluationCell(r) },
  ];
  return (
    <>
      <div className="antq-reg-filters">
        <div className="antq-reg-filter antq-reg-filter--wide">
          <span className="antq-reg-filter__label">{t('evaluations.list.unit')}</span>
          <UnitField value={unit} onChange={setUnit} />
        </div>
        <label className="antq-reg-filter">
          <span className="antq-reg-filter__label">{t('evaluations.list.year')}</span>
          <InputNumber value={year} onChange={(v) => v && setYear(v)} min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </label>
      </div>
      <Paragraph type="secondary" className="antq-block-sm">
        {t('evaluations.pending.hint', { year })}
      </Paragraph>
      {pending.isError && <ApiErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />}
      <Table<PendingUnit>
        data-testid="pending-table"
        rowKey={(r) => r.unit.code}
        size="middle"
        columns={narrow ? compact : columns}
        showHeader={!narrow}
        dataSource={pending.data?.items ?? []}
        loading={pending.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('evaluations.pending.empty') }}
      />
    </>
  );
}

// --- registrations -------------------------------------------------------------------------------

interface RegistrationValues {
  unit?: string | null;
  year?: number;
  registered_on?: Dayjs | null;
  households_total?: number | null;
  households_registered?: number | null;
}

function Registrations() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const narrow = useNarrow();
  const [unit, setUnit] = useSelectedUnit();
  const [year, setYear] = useState<number>(yearVN());
  const [editing, setEditing] = useState<Registration | 'new' | null>(null);
  const canWrite = hasPermission(user, EVALUATIONS_WRITE);
  const query = { unit: unit ?? undefined, year };
  const regs = useQuery({ queryKey: evaluationKeys.registrations(query), queryFn: ({ signal }) => listRegistrations(query, signal) });
  const households = (r: Registration) => {
    const share = householdShare(r.households_total, r.households_registered);
    if (share === null) return <Text type="secondary">—</Text>;
    return (
      <span className="antq-nowrap">
        {formatNumber(r.households_registered ?? 0)}/{formatNumber(r.households_total ?? 0)}{' '}
        <Tag color={share >= 100 ? 'green' : 'orange'}>{share}%</Tag>
      </span>
    );
  };
  const compact: ColumnsType<Registration> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="antq-compact-row" data-testid="registration-card">
          <div className="antq-compact-row__head">
            <Text strong>{unitName(r.unit)}</Text>
            {canWrite && (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('evaluations.registrations.edit')}
              </Button>
            )}
          </div>
          <Text type="secondary">
            {t('evaluations.registrations.registeredOn')}: {formatDate(r.registered_on)}
          </Text>
          <div>
            <Text type="secondary">{t('evaluations.registrations.households')}: </Text>
            {households(r)}
          </div>
        </div>
      ),
    },
  ];
  const columns: ColumnsType<Registration> = [
    { title: t('evaluations.list.unit'), key: 'unit', render: (_, r) => unitName(r.unit) },
    { title: t('evaluations.registrations.registeredOn'), key: 'on', render: (_, r) => formatDate(r.registered_on), width: 130 },
    { title: t('evaluations.registrations.households'), key: 'households', render: (_, r) => households(r) },
    ...(canWrite
      ? [
          {
            title: '',
            key: 'edit',
            width: 90,
            render: (_: unknown, r: Registration) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('evaluations.registrations.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <div className="antq-reg-filters">
        <div className="antq-reg-filter antq-reg-filter--wide">
          <span className="antq-reg-filter__label">{t('evaluations.list.unit')}</span>
          <UnitField value={unit} onChange={setUnit} />
        </div>
        <label className="antq-reg-filter">
          <span className="antq-reg-filter__label">{t('evaluations.list.year')}</span>
          <InputNumber value={year} onChange={(v) => v && setYear(v)} min={2000} max={2100} precision={0} style={{ width: '100%' }} />
        </label>
        {canWrite && (
          <div className="antq-reg-filter antq-reg-filter--end">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="registration-add">
              {t('evaluations.registrations.add')}
            </Button>
          </div>
        )}
      </div>
      <Paragraph type="secondary" className="antq-block-sm">
        {t('evaluations.registrations.hint')}
      </Paragraph>
      {regs.isError && <ApiErrorAlert error={regs.error} onRetry={() => void regs.refetch()} />}
      <Table<Registration>
        data-testid="registration-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compact : columns}
        showHeader={!narrow}
        dataSource={regs.data?.items ?? []}
        loading={regs.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('evaluations.registrations.none') }}
      />
      <RegistrationDialog
        editing={editing}
        defaults={{ unit: unit ?? user?.unit?.code ?? null, year }}
        onClose={() => setEditing(null)}
      />
    </>
  );
}

function RegistrationDialog({
  editing,
  defaults,
  onClose,
}: {
  editing: Registration | 'new' | null;
  defaults: { unit: string | null; year: number };
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RegistrationValues>();
  const existing = editing && editing !== 'new' ? editing : null;
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(
      existing
        ? {
            unit: typeof existing.unit === 'string' ? existing.unit : existing.unit.code,
            year: existing.year,
            registered_on: dayOf(existing.registered_on),
            households_total: existing.households_total,
            households_registered: existing.households_registered,
          }
        : { unit: defaults.unit, year: defaults.year, registered_on: dayOf(todayVN()) },
    );
  }, [editing, existing, defaults.unit, defaults.year, form]);
  const save = useMutation({
    mutationFn: (v: RegistrationValues) => {
      const body = {
        unit: v.unit!,
        year: v.year!,
        registered_on: v.registered_on!.format('YYYY-MM-DD'),
        ...(v.households_total !== null && v.households_total !== undefined ? { households_total: v.households_total } : {}),
        ...(v.households_registered !== null && v.households_registered !== undefined ? { households_registered: v.households_registered } : {}),
      };
      if (existing) {
        const { unit: _unit, year: _year, ...rest } = body;
        return updateRegistration(existing.id, rest);
      }
      return createRegistration(body);
    },
    onSuccess: async () => {
      void message.success(t('evaluations.registrations.saved'));
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      onClose();
    },
  });
  useEffect(() => save.reset(), [editing]); // eslint-disable-line react-hooks/exhaustive-deps
  const required = (label: string, choose = false) => ({
    required: true,
    message: t(choose ? 'registers.form.requiredChoose' : 'registers.form.required', { label }),
  });
  return (
    <Modal
      open={!!editing}
      title={existing ? t('evaluations.registrations.editTitle') : t('evaluations.registrations.addTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
      data-testid="registration-dialog"
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {save.isError && <ApiErrorAlert error={save.error} />}
        <Form.Item name="unit" label={t('evaluations.list.unit')} rules={[required(t('evaluations.list.unit'), true)]}>
          <UnitField disabled={!!existing} />
        </Form.Item>
        <Form.Item name="year" label={t('evaluations.list.year')} rules={[required(t('evaluations.list.year'))]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} disabled={!!existing} />
        </Form.Item>
        <Form.Item
          name="registered_on"
          label={t('evaluations.registrations.registeredOn')}
          rules={[required(t('evaluations.registrations.registeredOn'), true)]}
        >
          <DateInput noFuture />
        </Form.Item>
        <div className="antq-eval-two">
          <Form.Item name="households_total" label={t('evaluations.registrations.total')} extra={t('evaluations.registrations.totalHint')}>
            <CountInput aria-label={t('evaluations.registrations.total')} />
          </Form.Item>
          <Form.Item
            name="households_registered"
            label={t('evaluations.registrations.registered')}
            dependencies={['households_total']}
            rules={[
              ({ getFieldValue }) => ({
                validator(_, v: number | null | undefined) {
                  const total = getFieldValue('households_total') as number | null | undefined;
                  if (v === null || v === undefined || total === null || total === undefined || v <= total) return Promise.resolve();
                  return Promise.reject(new Error(t('evaluations.registrations.tooMany')));
                },
              }),
            ]}
          >
            <CountInput aria-label={t('evaluations.registrations.registered')} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}

// --- a new evaluation ----------------------------------------------------------------------------

function CreateDialog({ open, initial, onClose }: { open: boolean; initial: { unit?: string; year?: number }; onClose: () => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ unit?: string | null; year?: number; criteria_set?: string }>();
  const sets = useQuery({
    queryKey: evaluationKeys.criteria({}),
    queryFn: ({ signal }) => listCriteriaSets({}, signal),
    enabled: open,
    staleTime: 5 * 60_000,
  });
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({ unit: initial.unit ?? user?.unit?.code ?? null, year: initial.year ?? yearVN(), criteria_set: undefined });
  }, [open, initial.unit, initial.year, user, form]);
  const create = useMutation({
    mutationFn: (v: { unit?: string | null; year?: number; criteria_set?: string }) =>
      createEvaluation({ unit: v.unit!, year: v.year!, ...(v.criteria_set ? { criteria_set: v.criteria_set } : {}) }),
    onSuccess: async (ev) => {
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      onClose();
      navigate(evaluationPath(ev.id));
    },
  });
  useEffect(() => create.reset(), [open]); // eslint-disable-line react-hooks/exhaustive-deps
  const optional = (sets.data?.items ?? []).filter((s) => s.optional);
  return (
    <Modal
      open={open}
      title={t('evaluations.create.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('evaluations.create.submit')}
      okButtonProps={{ 'data-testid': 'evaluation-create-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
      data-testid="evaluation-create"
    >
      <Paragraph type="secondary">{t('evaluations.create.hint')}</Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)} requiredMark="optional">
        {create.isError &&
          (create.error instanceof ApiError && create.error.status === 409 ? (
            <Alert type="warning" showIcon message={create.error.message} className="antq-block-sm" />
          ) : (
            <ApiErrorAlert error={create.error} />
          ))}
        <Form.Item
          name="unit"
          label={t('evaluations.create.unit')}
          extra={t('evaluations.create.unitHint')}
          rules={[{ required: true, message: t('registers.form.requiredChoose', { label: t('evaluations.create.unit') }) }]}
        >
          <UnitField />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('evaluations.list.year')}
          rules={[{ required: true, message: t('registers.form.required', { label: t('evaluations.list.year') }) }]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} data-testid="create-year" />
        </Form.Item>
        <Form.Item name="criteria_set" label={t('evaluations.create.set')} extra={t('evaluations.create.setHint')}>
          <Select
            allowClear
            placeholder={t('evaluations.create.setDefault')}
            loading={sets.isPending}
            options={optional.map((s) => ({ value: s.code, label: `${s.title} (v${s.version})` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
