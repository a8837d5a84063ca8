import { ArrowLeftOutlined, EyeOutlined, LockOutlined, ReloadOutlined, WarningOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, getUnit, queryKeys } from '../api';
import {
  getTip,
  listTipAssignees,
  tipKeys,
  releaseTip,
  revealReporter,
  sendTipMessage,
  tipAttachmentUrl,
  updateTip,
  type RevealedReporter,
  type TipDetail as Tip,
  type TipEvent,
  type TipMessage,
  type TipOutcome,
  type TipPatch,
} from './api';
import ApiErrorAlert, { errorMessage } from '../components/ApiErrorAlert';
import RevealDialog from '../components/RevealDialog';
import { DueDate, TipStatusTag, useTipCategories } from './TipBits';
import { PERMISSIONS, hasPermission, useAuth } from '../accounts/auth';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { matchOption } from '../lib/units';
import { MESSAGE_MAX, formatBytes, formatTrackingCode, textLength } from '../lib/tips';
import { TIP_DECISIONS, isFinalStatus, isForwardMove, isOpenStatus, isTipStatus, missingForStatus, nextStatuses } from './workflow';
import NotFound from '../shell/NotFound';
import { useBreakpoint } from '../components/useBreakpoint';

const { Title, Paragraph, Text } = Typography;

/** `/tin-bao/:id`: one tip, its handling, deadlines, outcome, messages and history. */
export default function TipDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { user } = useAuth();
  const { label: categoryLabel } = useTipCategories();
  const screens = useBreakpoint();
  const wide = screens.lg;
  const tip = useQuery({
    queryKey: tipKeys.detail(id),
    queryFn: ({ signal }) => getTip(id, signal),
    refetchInterval: 60_000,
  });

  const code = tip.data ? formatTrackingCode(tip.data.tracking_code) : '';
  useEffect(() => {
    document.title = t('app.documentTitle', { page: code ? t('tips.detail.title', { code }) : t('tips.pageTitle') });
  }, [t, code]);

  if (tip.isError && tip.error instanceof ApiError && tip.error.status === 404) return <NotFound />;

  const canWrite = hasPermission(user, PERMISSIONS.tipsWrite);
  const canReveal = hasPermission(user, PERMISSIONS.tipsReveal);
  const d = tip.data;

  return (
    <div className="antq-tip" data-testid="tip-detail">
      <Link to="/tin-bao" className="antq-back-link">
        <ArrowLeftOutlined /> {t('tips.back')}
      </Link>
      {tip.isPending && <Skeleton active />}
      {tip.isError && <ApiErrorAlert error={tip.error} onRetry={() => void tip.refetch()} />}
      {d && (
        <>
          <div className="antq-tip__head">
            <Title level={1} className="antq-page-title antq-tip__title">
              {t('tips.detail.title', { code })}
            </Title>
            <Space wrap>
              <TipStatusTag status={d.status} />
              {d.overdue && (
                <Tag color="red" icon={<WarningOutlined />}>
                  {t('tips.overdue')}
                </Tag>
              )}
              {d.held_for_review && <Tag color="volcano">{t('tips.held.tag')}</Tag>}
              {d.reporter.anonymous && <Tag>{t('tips.anonymous')}</Tag>}
              <Button size="small" icon={<ReloadOutlined />} onClick={() => void tip.refetch()} loading={tip.isFetching}>
                {t('tips.detail.refresh')}
              </Button>
            </Space>
          </div>
          <Paragraph type="secondary">
            {categoryLabel(d.category)} · {d.unit.full_name ?? d.unit.name} · {formatDateTime(d.received_at)}
          </Paragraph>

          {d.held_for_review && <HeldNotice tip={d} canWrite={canWrite} />}

          <Row gutter={[16, 16]}>
            <Col xs={24} lg={15}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <Facts tip={d} categoryLabel={categoryLabel} canReveal={canReveal} />
                <Messages tip={d} canWrite={canWrite} />
                <Attachments tip={d} />
                {wide && <History tip={d} />}
              </Space>
            </Col>
            <Col xs={24} lg={9}>
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {canWrite && <Handle tip={d} />}
                <Deadlines tip={d} canWrite={canWrite} />
                <Outcome tip={d} canWrite={canWrite} />
                <Duplicates tip={d} canWrite={canWrite} />
              </Space>
            </Col>
            {/* last on a phone, under the handling forms */}
            {!wide && (
              <Col xs={24}>
                <History tip={d} />
              </Col>
            )}
          </Row>
        </>
      )}
    </div>
  );
}

/**
 * A tip that arrived during a flood of tips to its unit waits to be screened: "Đã sàng lọc" moves it
 * into the ordinary inbox (`POST …/release`, audited). Handling it does the same.
 */
function HeldNotice({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const release = useMutation({
    mutationFn: () => releaseTip(tip.id),
    onSuccess: async (updated) => {
      queryClient.setQueryData(tipKeys.detail(String(tip.id)), updated);
      await queryClient.invalidateQueries({ queryKey: ['staff', 'tips', 'list'] });
      void message.success(t('tips.held.released'));
    },
    onError: (e) => void message.error(errorMessage(e, '')),
  });
  return (
    <Alert
      className="antq-block-sm"
      type="warning"
      showIcon
      data-testid="tip-held"
      message={t('tips.held.tag')}
      description={
        // the button under the text: beside it, a phone would squeeze the text into a column
        <Space direction="vertical" size={8}>
          <span>{t('tips.held.detail')}</span>
          {canWrite && (
            <Button type="primary" onClick={() => release.mutate()} loading={release.isPending} data-testid="tip-release">
              {t('tips.held.release')}
            </Button>
          )}
        </Space>
      }
    />
  );
}

/** PATCH the tip, then reload it (and the lists); shows the server's message on failure. */
function usePatch(tip: Tip) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  return useMutation({
    mutationFn: (body: TipPatch) => updateTip(tip.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tipKeys.detail(String(tip.id)) });
      await queryClient.invalidateQueries({ queryKey: ['staff', 'tips', 'list'] });
    },
    onError: (e) => {
      void message.error(errorMessage(e, ''));
    },
  });
}

function Facts({ tip, categoryLabel, canReveal }: { tip: Tip; categoryLabel: (c: string) => string; canReveal: boolean }) {
  const { t } = useTranslation();
  const [revealing, setRevealing] = useState(false);
  const items = [
    { key: 'category', label: t('tips.detail.category'), children: categoryLabel(tip.category) },
    { key: 'unit', label: t('tips.detail.unit'), children: tip.unit.full_name ?? tip.unit.name },
    { key: 'place', label: t('tips.detail.place'), children: tip.place || <Text type="secondary">—</Text> },
    ...(tip.lat !== null && tip.lng !== null && tip.lat !== undefined && tip.lng !== undefined
      ? [{ key: 'coords', label: t('tips.detail.coords'), children: `${formatNumber(tip.lat, 5)}; ${formatNumber(tip.lng, 5)}` }]
      : []),
    {
      key: 'occurred',
      label: t('tips.detail.occurredAt'),
      children: tip.occurred_at ? formatDateTime(tip.occurred_at) : <Text type="secondary">{t('tips.detail.unknown')}</Text>,
    },
    { key: 'received', label: t('tips.detail.receivedAt'), children: formatDateTime(tip.received_at) },
    { key: 'channel', label: t('tips.detail.channel'), children: t(`tips.channel.${tip.channel}`, { defaultValue: tip.channel }) },
    ...(tip.received_by ? [{ key: 'by', label: t('tips.detail.receivedBy'), children: tip.received_by }] : []),
    { key: 'assignee', label: t('tips.detail.assignee'), children: tip.assignee ?? <Text type="secondary">{t('tips.unassigned')}</Text> },
    ...(tip.status_reason ? [{ key: 'reason', label: t('tips.detail.statusReason'), children: tip.status_reason }] : []),
    {
      key: 'reporter',
      label: t('tips.detail.reporter'),
      // `provided`: the server holds the reporter's details (older answers: not anonymous)
      children: !(tip.reporter.provided ?? !tip.reporter.anonymous) ? (
        <Text type="secondary">{t('tips.detail.anonymousReporter')}</Text>
      ) : (
        <Space direction="vertical" size={4}>
          <Text>
            <LockOutlined /> {t('tips.detail.namedReporter')}
          </Text>
          {canReveal && (
            <Button icon={<EyeOutlined />} onClick={() => setRevealing(true)} data-testid="reveal-open">
              {t('tips.reveal.button')}
            </Button>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card title={t('tips.detail.description')} size="small">
      <Paragraph className="antq-pre" data-testid="tip-description">
        {tip.description}
      </Paragraph>
      <Descriptions column={1} size="small" bordered items={items} className="antq-tip-facts" />
      {revealing && <RevealReporterDialog tip={tip} onClose={() => setRevealing(false)} />}
    </Card>
  );
}

/** The reporter's identity, revealed with a reason in the dialog only (see RevealDialog). */
function RevealReporterDialog({ tip, onClose }: { tip: Tip; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const value = (v: string | null | undefined) => v || <Text type="secondary">—</Text>;
  return (
    <RevealDialog<RevealedReporter>
      texts="tips.reveal"
      reveal={async (reason) => (await revealReporter(tip.id, reason)).reporter}
      onRevealed={() => void queryClient.invalidateQueries({ queryKey: tipKeys.detail(String(tip.id)) })}
      onClose={onClose}
    >
      {(reporter) => (
        <Descriptions
          column={1}
          bordered
          size="small"
          data-testid="revealed"
          items={[
            { key: 'name', label: t('tips.reveal.name'), children: value(reporter.name) },
            { key: 'phone', label: t('tips.reveal.phone'), children: value(reporter.phone) },
            { key: 'email', label: t('tips.reveal.email'), children: value(reporter.email) },
            { key: 'address', label: t('tips.reveal.address'), children: value(reporter.address) },
          ]}
        />
      )}
    </RevealDialog>
  );
}

function Handle({ tip }: { tip: Tip }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message } = App.useApp();
  const patch = usePatch(tip);
  const [form] = Form.useForm<{ status?: string; assignee?: string; reason?: string; duplicate_of?: string }>();
  const status = Form.useWatch('status', form);
  const options = nextStatuses(tip.status);

  useEffect(() => {
    form.setFieldsValue({ status: undefined, assignee: tip.assignee ?? '', reason: '', duplicate_of: undefined });
  }, [tip.status, tip.assignee, form]);

  const assigneeNow = Form.useWatch('assignee', form) ?? '';
  const reasonNow = Form.useWatch('reason', form) ?? '';
  const duplicateNow = Form.useWatch('duplicate_of', form) ?? null;
  const missing = status
    ? missingForStatus(status, { assignee: assigneeNow || tip.assignee, outcome: !!tip.outcome, reason: reasonNow, duplicateOf: duplicateNow })
    : [];

  const submit = (v: { status?: string; assignee?: string; reason?: string; duplicate_of?: string }) => {
    const body: TipPatch = {};
    if (v.status) body.status = v.status;
    const who = (v.assignee ?? '').trim();
    if (who && who !== (tip.assignee ?? '')) body.assignee = who;
    if (v.status === 'rejected' && v.reason?.trim()) body.reason = v.reason.trim();
    if (v.status === 'duplicate' && v.duplicate_of) body.duplicate_of = Number(v.duplicate_of);
    if (Object.keys(body).length === 0) {
      void message.info(t('tips.handle.nothing'));
      return;
    }
    patch.mutate(body, { onSuccess: () => void message.success(t('tips.handle.saved')) });
  };

  if (isFinalStatus(tip.status)) {
    return (
      <Card title={t('tips.handle.title')} size="small">
        <Text type="secondary">{t('tips.handle.final')}</Text>
      </Card>
    );
  }

  const needText: Record<string, string> = {
    outcome: t('tips.handle.needsOutcome'),
    assignee: t('tips.handle.needsAssignee'),
    reason: t('tips.handle.needsReason'),
    duplicate_of: t('tips.handle.needsDuplicate'),
  };

  return (
    <Card title={t('tips.handle.title')} size="small" data-testid="tip-handle">
      <Form form={form} layout="vertical" onFinish={submit} disabled={patch.isPending}>
        <Form.Item name="status" label={t('tips.handle.status')} extra={t('tips.handle.forwardOnly')}>
          <Select
            allowClear
            placeholder={t('tips.handle.statusPlaceholder')}
            options={options.map((s) => ({ value: s, label: t(`tips.status.${s}`) }))}
            data-testid="handle-status"
          />
        </Form.Item>
        <Form.Item label={t('tips.handle.assignee')} extra={t('tips.handle.assigneeHint')}>
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="assignee" noStyle>
              <AssigneeSelect tip={tip} />
            </Form.Item>
            {user && <Button onClick={() => form.setFieldValue('assignee', user.username)}>{t('tips.handle.assignMe')}</Button>}
          </Space.Compact>
        </Form.Item>
        {status === 'rejected' && (
          <Form.Item name="reason" label={t('tips.handle.reason')} rules={[{ required: true, whitespace: true, message: t('tips.handle.needsReason') }]}>
            <Input.TextArea rows={3} maxLength={1000} />
          </Form.Item>
        )}
        {status === 'duplicate' && (
          <Form.Item name="duplicate_of" label={t('tips.handle.duplicateOf')} rules={[{ required: true, message: t('tips.handle.needsDuplicate') }]}>
            <Select
              placeholder={t('tips.handle.duplicatePlaceholder')}
              options={tip.suggestions.map((s) => ({ value: String(s.id), label: `${formatTrackingCode(s.tracking_code)} — ${s.excerpt.slice(0, 60)}` }))}
            />
          </Form.Item>
        )}
        {missing.filter((m) => m === 'outcome' || m === 'assignee').map((m) => (
          <Alert key={m} type="info" showIcon message={needText[m]} className="antq-block-sm" />
        ))}
        <Button type="primary" htmlType="submit" loading={patch.isPending} disabled={missing.includes('outcome')} data-testid="handle-save">
          {t('tips.handle.save')}
        </Button>
      </Form>
    </Card>
  );
}

/**
 * The colleague to give the tip to: a list of the active police officers of the tip's unit and the
 * units above it, within the caller's area (searchable without diacritics); the caller is always there.
 */
function AssigneeSelect(props: { id?: string; value?: string; onChange?: (v: string) => void; tip: Tip; disabled?: boolean }) {
  const { tip, value, onChange, id, disabled } = props;
  const { t } = useTranslation();
  const { user } = useAuth();
  const unit = useQuery({ queryKey: queryKeys.unit(tip.unit.code), queryFn: ({ signal }) => getUnit(tip.unit.code, signal), staleTime: 5 * 60_000 });
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

function Deadlines({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const patch = usePatch(tip);
  const [extendForm] = Form.useForm<{ until: Dayjs | null; reason: string }>();
  const [passedOnTo, setPassedOnTo] = useState('');
  const dl = tip.deadlines;
  const open = isOpenStatus(tip.status);
  const transferRequired = dl.transfer_required ?? !!dl.pass_on_due_at;

  return (
    <Card title={t('tips.deadlines.title')} size="small" data-testid="tip-deadlines">
      <Descriptions
        column={1}
        size="small"
        items={[
          {
            key: 'settle',
            label: t('tips.deadlines.settle'),
            children: open ? <DueDate at={dl.settle_due_at} overdue={tip.overdue && !dl.pass_on_due_at} /> : <Text type="secondary">{t('tips.deadlines.closed')}</Text>,
          },
          ...(dl.pass_on_due_at && !dl.passed_on_at
            ? [{ key: 'passOn', label: t('tips.deadlines.passOn'), children: <DueDate at={dl.pass_on_due_at} /> }]
            : []),
        ]}
      />
      {dl.passed_on_at && (!canWrite || !open) && (
        <Paragraph>{t('tips.deadlines.passedOn', { to: dl.passed_on_to ?? '', at: formatDateTime(dl.passed_on_at) })}</Paragraph>
      )}
      {dl.extensions.length > 0 && (
        <>
          <Text strong>{t('tips.deadlines.extensions')}</Text>
          <ul className="antq-plain-list">
            {dl.extensions.map((e, i) => (
              <li key={i}>{t('tips.deadlines.extension', { until: formatDate(e.until), reason: e.reason })}</li>
            ))}
          </ul>
        </>
      )}
      <Paragraph type="secondary" className="antq-hint-text">
        {t('tips.deadlines.rule')}
      </Paragraph>

      {canWrite && open && (
        <>
          <Title level={5}>{t('tips.extend.title')}</Title>
          <Form
            form={extendForm}
            layout="vertical"
            disabled={patch.isPending}
            onFinish={(v) =>
              patch.mutate(
                { extend: { until: v.until!.format('YYYY-MM-DD'), reason: v.reason.trim() } },
                {
                  onSuccess: () => {
                    extendForm.resetFields();
                    void message.success(t('tips.extend.saved'));
                  },
                },
              )
            }
          >
            <Form.Item
              name="until"
              label={t('tips.extend.until')}
              rules={[{ required: true, message: t('tips.extend.untilRequired') }]}
              // checked when sent: the picker clears itself after a successful extension
              validateTrigger={false}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('tips.extend.reason')}
              rules={[{ required: true, whitespace: true, message: t('tips.extend.reasonRequired') }]}
              validateTrigger={false}
            >
              <Input.TextArea rows={2} maxLength={1000} />
            </Form.Item>
            <Button htmlType="submit">{t('tips.extend.save')}</Button>
          </Form>

          <Title level={5} className="antq-block">
            {t('tips.transfer.title')}
          </Title>
          {dl.passed_on_at && (
            <Paragraph>{t('tips.deadlines.passedOn', { to: dl.passed_on_to ?? '', at: formatDateTime(dl.passed_on_at) })}</Paragraph>
          )}
          {!transferRequired && !dl.passed_on_at && (
            <>
              <Paragraph type="secondary">{t('tips.transfer.requiredHint')}</Paragraph>
              <Button
                onClick={() => patch.mutate({ transfer_required: true }, { onSuccess: () => void message.success(t('tips.transfer.marked')) })}
              >
                {t('tips.transfer.mark')}
              </Button>
            </>
          )}
          {(transferRequired || dl.passed_on_at) && !dl.passed_on_at && (
            <>
              <Paragraph>{t('tips.transfer.required')}</Paragraph>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={passedOnTo}
                  onChange={(e) => setPassedOnTo(e.target.value)}
                  placeholder={t('tips.transfer.passedOnToPlaceholder')}
                  aria-label={t('tips.transfer.passedOnTo')}
                  maxLength={300}
                />
                <Button
                  disabled={!passedOnTo.trim()}
                  onClick={() =>
                    patch.mutate({ passed_on_to: passedOnTo.trim() }, { onSuccess: () => void message.success(t('tips.transfer.recorded')) })
                  }
                >
                  {t('tips.transfer.record')}
                </Button>
              </Space.Compact>
            </>
          )}
        </>
      )}
    </Card>
  );
}

type OutcomeValues = Required<Pick<TipOutcome, 'cases_solved' | 'suspects_arrested' | 'wanted_caught'>> & {
  /** No default: the officer says whether the tip had grounds ("có cơ sở"). */
  valid?: boolean;
  transferred_to?: string;
  decision?: string;
  public_note?: string;
};

function Outcome({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const patch = usePatch(tip);
  const [form] = Form.useForm<OutcomeValues>();
  const [resolveToo, setResolveToo] = useState(false);

  useEffect(() => {
    const o = tip.outcome;
    form.setFieldsValue({
      valid: o ? o.valid : undefined,
      cases_solved: o?.cases_solved ?? 0,
      suspects_arrested: o?.suspects_arrested ?? 0,
      wanted_caught: o?.wanted_caught ?? 0,
      transferred_to: o?.transferred_to ?? '',
      decision: o?.decision ?? undefined,
      public_note: o?.public_note ?? '',
    });
  }, [tip.outcome, form]);

  const submit = (v: OutcomeValues) => {
    const outcome: TipOutcome = {
      valid: v.valid === true,
      cases_solved: v.cases_solved ?? 0,
      suspects_arrested: v.suspects_arrested ?? 0,
      wanted_caught: v.wanted_caught ?? 0,
    };
    if (v.transferred_to?.trim()) outcome.transferred_to = v.transferred_to.trim();
    if (v.decision) outcome.decision = v.decision;
    if (v.public_note?.trim()) outcome.public_note = v.public_note.trim();
    const body: TipPatch = { outcome };
    if (resolveToo) body.status = 'resolved';
    patch.mutate(body, { onSuccess: () => void message.success(t('tips.outcome.saved')) });
  };

  // a tip not taken up, or merged into another, has no outcome of its own to record
  if (!canWrite || tip.status === 'rejected' || tip.status === 'duplicate') {
    const o = tip.outcome;
    return (
      <Card title={t('tips.outcome.title')} size="small">
        {o ? (
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'valid', label: t('tips.outcome.valid'), children: o.valid ? t('tips.outcome.yes') : t('tips.outcome.no') },
              { key: 'cases', label: t('tips.outcome.casesSolved'), children: formatNumber(o.cases_solved) },
              { key: 'arrested', label: t('tips.outcome.suspectsArrested'), children: formatNumber(o.suspects_arrested) },
              { key: 'wanted', label: t('tips.outcome.wantedCaught'), children: formatNumber(o.wanted_caught) },
            ]}
          />
        ) : (
          <Text type="secondary">{t('tips.outcome.none')}</Text>
        )}
      </Card>
    );
  }

  return (
    <Card title={t('tips.outcome.title')} size="small" data-testid="tip-outcome">
      <Form form={form} layout="vertical" onFinish={submit} disabled={patch.isPending}>
        <Form.Item name="valid" label={t('tips.outcome.valid')} rules={[{ required: true, message: t('tips.outcome.validRequired') }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: true, label: t('tips.outcome.yes') },
              { value: false, label: t('tips.outcome.no') },
            ]}
            data-testid="outcome-valid"
          />
        </Form.Item>
        <Row gutter={8}>
          <Col span={8}>
            <Form.Item name="cases_solved" label={t('tips.outcome.casesSolved')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="suspects_arrested" label={t('tips.outcome.suspectsArrested')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="wanted_caught" label={t('tips.outcome.wantedCaught')}>
              <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="decision" label={t('tips.outcome.decision')}>
          <Select allowClear placeholder={t('tips.outcome.decisionPlaceholder')} options={TIP_DECISIONS.map((d) => ({ value: d, label: t(`tips.decision.${d}`) }))} />
        </Form.Item>
        <Form.Item name="transferred_to" label={t('tips.outcome.transferredTo')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="public_note" label={t('tips.outcome.publicNote')} extra={t('tips.outcome.publicNoteHint')}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Space wrap>
          <Button htmlType="submit" onClick={() => setResolveToo(false)} loading={patch.isPending && !resolveToo}>
            {t('tips.outcome.save')}
          </Button>
          {isForwardMove(tip.status, 'resolved') && (
            <Button type="primary" htmlType="submit" onClick={() => setResolveToo(true)} loading={patch.isPending && resolveToo} data-testid="outcome-resolve">
              {t('tips.outcome.saveResolve')}
            </Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}

function Duplicates({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const patch = usePatch(tip);
  const canMark = canWrite && isForwardMove(tip.status, 'duplicate');
  const percent = (score: number) => Math.round(score <= 1 ? score * 100 : score);

  return (
    <Card title={t('tips.duplicates.title')} size="small" data-testid="tip-duplicates">
      {tip.duplicate_of && (
        <Alert
          type="info"
          showIcon
          className="antq-block-sm"
          message={
            <Link to={`/tin-bao/${encodeURIComponent(String(tip.duplicate_of.id))}`}>
              {t('tips.duplicates.duplicateOf', { code: formatTrackingCode(tip.duplicate_of.tracking_code) })}
            </Link>
          }
        />
      )}
      {tip.suggestions.length === 0 ? (
        <Text type="secondary">{t('tips.duplicates.none')}</Text>
      ) : (
        <List
          size="small"
          dataSource={tip.suggestions}
          renderItem={(s) => (
            <List.Item
              actions={
                canMark
                  ? [
                      <Popconfirm
                        key="mark"
                        title={t('tips.duplicates.confirm', { code: formatTrackingCode(s.tracking_code) })}
                        okText={t('tips.duplicates.mark')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          patch.mutate(
                            { status: 'duplicate', duplicate_of: Number(s.id) },
                            { onSuccess: () => void message.success(t('tips.duplicates.marked', { code: formatTrackingCode(s.tracking_code) })) },
                          )
                        }
                      >
                        <Button size="small">{t('tips.duplicates.mark')}</Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <List.Item.Meta
                title={
                  <Space wrap size={4}>
                    <Link to={`/tin-bao/${encodeURIComponent(String(s.id))}`} className="antq-tip-code">
                      {formatTrackingCode(s.tracking_code)}
                    </Link>
                    <Tag color="orange">{t('tips.duplicates.score', { n: percent(s.score) })}</Tag>
                    {s.status && isTipStatus(s.status) && <TipStatusTag status={s.status} />}
                  </Space>
                }
                description={
                  <>
                    <Text type="secondary">{formatDate(s.received_at)}</Text> · {s.excerpt}
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
      {tip.merged.length > 0 && (
        <>
          <Title level={5} className="antq-block">
            {t('tips.duplicates.merged')}
          </Title>
          <ul className="antq-plain-list">
            {tip.merged.map((m) => (
              <li key={String(m.id)}>
                <Link to={`/tin-bao/${encodeURIComponent(String(m.id))}`} className="antq-tip-code">
                  {formatTrackingCode(m.tracking_code)}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function Thread({ messages }: { messages: TipMessage[] }) {
  const { t } = useTranslation();
  const sorted = [...messages].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="antq-thread" data-testid="tip-messages">
      {sorted.map((m) => {
        const fromReporter = m.from === 'reporter';
        return (
          <li key={String(m.id)} className={`antq-msg ${fromReporter ? 'antq-msg--reporter' : 'antq-msg--police'}`} data-testid="tip-message">
            <div className="antq-msg__meta">
              <Text strong>{fromReporter ? t('tips.messages.reporter') : t('tips.messages.police')}</Text>
              {!fromReporter && m.author && <Text type="secondary"> ({m.author})</Text>}
              <Text type="secondary"> · {formatDateTime(m.at)}</Text>
            </div>
            <div className="antq-msg__body">{m.body}</div>
          </li>
        );
      })}
    </ol>
  );
}

function Messages({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const send = useMutation({
    mutationFn: () => sendTipMessage(tip.id, body.trim()),
    onSuccess: async () => {
      setBody('');
      void message.success(t('tips.messages.sent'));
      await queryClient.invalidateQueries({ queryKey: tipKeys.detail(String(tip.id)) });
    },
  });
  const submit = () => {
    if (!textLength(body)) {
      setEmpty(true);
      return;
    }
    send.mutate();
  };

  return (
    <Card title={t('tips.messages.title')} size="small" data-testid="tip-thread">
      {tip.messages.length === 0 ? <Text type="secondary">{t('tips.messages.none')}</Text> : <Thread messages={tip.messages} />}
      {tip.merged
        .filter((m) => m.messages.length > 0)
        .map((m) => (
          <div key={String(m.id)} className="antq-block">
            <Text type="secondary">{t('tips.messages.merged', { code: formatTrackingCode(m.tracking_code) })}</Text>
            <Thread messages={m.messages} />
          </div>
        ))}
      {canWrite && (
        <Form layout="vertical" className="antq-block" onFinish={submit} disabled={send.isPending}>
          {send.isError && <ApiErrorAlert error={send.error} />}
          <Form.Item
            label={t('tips.messages.reply')}
            extra={t('tips.messages.replyHint')}
            validateStatus={empty ? 'error' : undefined}
            help={empty ? t('tips.messages.empty') : undefined}
          >
            <Input.TextArea
              rows={3}
              value={body}
              maxLength={MESSAGE_MAX}
              onChange={(e) => {
                setBody(e.target.value);
                setEmpty(false);
              }}
              data-testid="tip-reply"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="tip-reply-send">
            {t('tips.messages.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

function Attachments({ tip }: { tip: Tip }) {
  const { t } = useTranslation();
  return (
    <Card title={t('tips.attachments.title')} size="small" data-testid="tip-attachments">
      {tip.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tips.attachments.none')} />
      ) : (
        <ul className="antq-attachments">
          {tip.attachments.map((a) => {
            const url = tipAttachmentUrl(tip.id, a.id);
            return (
              <li key={String(a.id)} className="antq-attachment">
                {a.kind === 'image' ? (
                  <a href={url} target="_blank" rel="noreferrer">
                    <img src={url} alt={t('tips.attachments.image')} className="antq-attachment__thumb" loading="lazy" />
                  </a>
                ) : (
                  <span className="antq-attachment__thumb antq-attachment__thumb--video">{t('tips.attachments.video')}</span>
                )}
                <div className="antq-attachment__info">
                  <a href={url} target="_blank" rel="noreferrer">
                    {a.kind === 'video' ? t('tips.attachments.video') : t('tips.attachments.image')} · {t('tips.attachments.open')}
                  </a>
                  <Text type="secondary">
                    {a.media_type} · {formatBytes(a.size)} · {formatDateTime(a.at)}
                  </Text>
                  {a.location_removed && <Text type="secondary">{t('tips.attachments.locationRemoved')}</Text>}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function eventText(e: TipEvent, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (e.kind === 'status' && e.status) {
    return t('tips.timeline.status', { status: isTipStatus(e.status) ? t(`tips.status.${e.status}`) : e.status });
  }
  return t(`tips.timeline.${e.kind}`, { defaultValue: t('tips.timeline.other', { kind: e.kind }) });
}

function History({ tip }: { tip: Tip }) {
  const { t } = useTranslation();
  const events = [...tip.timeline].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <Card title={t('tips.timeline.title')} size="small" data-testid="tip-timeline">
      <Timeline
        items={events.map((e, i) => ({
          key: i,
          color: e.kind === 'reveal' ? 'red' : e.kind === 'received' ? 'blue' : 'gray',
          children: (
            <div>
              <Text type="secondary" className="antq-nowrap">
                {formatDateTime(e.at)}
              </Text>
              <div>
                {eventText(e, t)}
                {e.actor && <Text type="secondary"> — {e.actor}</Text>}
              </div>
              {e.kind === 'extended' && (e.until || e.detail) && <Text type="secondary">{formatDate(e.until ?? e.detail)} </Text>}
              {e.note && <div className="antq-pre antq-timeline-note">{e.note}</div>}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
