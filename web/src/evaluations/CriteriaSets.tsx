/**
 * `/danh-gia-an-toan/bo-tieu-chi`: the criteria sets (Thông tư 124/2021/TT-BCA and the optional
 * "Khu dân cư 6 không"), latest versions or every version; those with `evaluations.criteria` add a
 * new version of a set (an evaluation keeps the version it was started with).
 */
import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Drawer, Empty, Form, Input, Select, Skeleton, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ApiErrorAlert from '../components/ApiErrorAlert';
import RequireAuth from '../accounts/RequireAuth';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDate } from '../lib/format';
import { TARGET_KINDS, createCriteriaSet, evaluationKeys, listCriteriaSets, type CriteriaSet } from './api';
import { EVALUATIONS_CRITERIA, EVALUATIONS_PATH, EVALUATIONS_READ } from './paths';
import './evaluations.css';
import { useBreakpoint } from '../components/useBreakpoint';
import { useFeedback } from '../components/feedback';
import Card from '../components/Card';
// the module's texts, added to i18next when one of its pages loads
import './i18n';

const { Title, Paragraph, Text } = Typography;

export default function CriteriaSetsPage() {
  return (
    <RequireAuth permission={EVALUATIONS_READ}>
      <CriteriaSets />
    </RequireAuth>
  );
}

function CriteriaSets() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [kind, setKind] = useState<string | undefined>();
  const [all, setAll] = useState(false);
  const [newFrom, setNewFrom] = useState<CriteriaSet | 'blank' | null>(null);
  const canEdit = hasPermission(user, EVALUATIONS_CRITERIA);
  const query = { target_kind: kind, all };
  const sets = useQuery({ queryKey: evaluationKeys.criteria(query), queryFn: ({ signal }) => listCriteriaSets(query, signal) });
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('evaluations.criteria.title') });
  }, [t]);
  return (
    <div className="antq-admin antq-eval-page" data-testid="criteria-page">
      <Link to={EVALUATIONS_PATH} className="antq-back-link">
        <ArrowLeftOutlined /> {t('evaluations.detail.back')}
      </Link>
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {t('evaluations.criteria.title')}
          </Title>
          <Paragraph type="secondary">{t('evaluations.criteria.intro')}</Paragraph>
        </div>
        {canEdit && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setNewFrom('blank')} data-testid="criteria-new">
            {t('evaluations.criteria.newSet')}
          </Button>
        )}
      </div>
      <Space wrap className="antq-block-sm">
        <Select
          allowClear
          placeholder={t('evaluations.criteria.allKinds')}
          value={kind}
          onChange={setKind}
          options={TARGET_KINDS.map((k) => ({ value: k, label: t(`evaluations.kinds.${k}`) }))}
          style={{ minWidth: 220 }}
        />
        <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
          {t('evaluations.criteria.allVersions')}
        </Checkbox>
      </Space>
      {sets.isPending && <Skeleton active />}
      {sets.isError && <ApiErrorAlert error={sets.error} onRetry={() => void sets.refetch()} />}
      {sets.data && sets.data.items.length === 0 && <Empty description={t('evaluations.criteria.none')} />}
      <div className="antq-eval-sets">
        {sets.data?.items.map((s) => (
          <Card
            key={String(s.id)}
            size="small"
            data-testid="criteria-set"
            title={
              <span className="antq-eval-set-title">
                {s.title} <Tag>v{s.version}</Tag>
                {s.optional && <Tag color="purple">{t('evaluations.criteria.optional')}</Tag>}
              </span>
            }
            extra={
              canEdit ? (
                <Button size="small" onClick={() => setNewFrom(s)}>
                  {t('evaluations.criteria.newVersion')}
                </Button>
              ) : undefined
            }
          >
            <Paragraph type="secondary" className="antq-eval-set-meta">
              {t(`evaluations.kinds.${s.target_kind}`, { defaultValue: s.target_kind })} · <code>{s.code}</code>
              {s.basis ? ` · ${s.basis}` : ''}
              {s.created_at ? ` · ${formatDate(s.created_at)}` : ''}
            </Paragraph>
            <ol className="antq-eval-set-criteria">
              {s.criteria.map((c) => (
                <li key={c.code}>
                  <Text>{c.text}</Text> {c.auto && <Tag color="purple">{t('evaluations.detail.auto')}</Tag>}
                  {!c.confirmed && <Tag color="orange">{t('evaluations.detail.unconfirmed')}</Tag>}
                </li>
              ))}
            </ol>
          </Card>
        ))}
      </div>
      {canEdit && <NewVersion from={newFrom} onClose={() => setNewFrom(null)} />}
    </div>
  );
}

interface SetValues {
  code?: string;
  target_kind?: string;
  title?: string;
  basis?: string;
  optional?: boolean;
  criteria?: { code?: string; text?: string; confirmed?: boolean; auto?: string | boolean }[];
}

function NewVersion({ from, onClose }: { from: CriteriaSet | 'blank' | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const screens = useBreakpoint();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SetValues>();
  useEffect(() => {
    if (!from) return;
    form.resetFields();
    if (from !== 'blank')
      form.setFieldsValue({
        code: from.code,
        target_kind: from.target_kind,
        title: from.title,
        basis: from.basis ?? '',
        optional: from.optional,
        criteria: from.criteria.map((c) => ({ ...c })),
      });
    else form.setFieldsValue({ criteria: [{ code: '', text: '', confirmed: true, auto: '' }] });
  }, [from, form]);
  const save = useMutation({
    mutationFn: (v: SetValues) =>
      createCriteriaSet({
        code: v.code!.trim(),
        target_kind: v.target_kind!,
        title: v.title!.trim(),
        ...(v.basis?.trim() ? { basis: v.basis.trim() } : {}),
        optional: !!v.optional,
        criteria: (v.criteria ?? []).map((c) => ({
          code: c.code!.trim(),
          text: c.text!.trim(),
          confirmed: c.confirmed ?? true,
          auto: c.auto || '',
        })),
      }),
    onSuccess: async () => {
      void message.success(t('evaluations.criteria.saved'));
      await queryClient.invalidateQueries({ queryKey: ['staff', 'evaluations', 'criteria'] });
      onClose();
    },
  });
  const req = (label: string) => ({ required: true, whitespace: true, message: t('registers.form.required', { label }) });
  return (
    <Drawer
      open={!!from}
      onClose={onClose}
      width={screens.md ? 640 : '100%'}
      destroyOnHidden
      title={from && from !== 'blank' ? t('evaluations.criteria.newVersionOf', { title: from.title }) : t('evaluations.criteria.newSet')}
      footer={
        <div className="antq-reg-actions">
          <span className="antq-reg-actions__spacer" />
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </div>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark="optional">
        {save.isError && <ApiErrorAlert error={save.error} />}
        <Form.Item name="code" label={t('evaluations.criteria.code')} rules={[req(t('evaluations.criteria.code'))]}>
          <Input maxLength={60} disabled={!!from && from !== 'blank'} />
        </Form.Item>
        <Form.Item
          name="target_kind"
          label={t('evaluations.list.kind')}
          rules={[{ required: true, message: t('registers.form.requiredChoose', { label: t('evaluations.list.kind') }) }]}
        >
          <Select
            options={TARGET_KINDS.map((k) => ({ value: k, label: t(`evaluations.kinds.${k}`) }))}
            disabled={!!from && from !== 'blank'}
          />
        </Form.Item>
        <Form.Item name="title" label={t('evaluations.criteria.setTitle')} rules={[req(t('evaluations.criteria.setTitle'))]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="basis" label={t('evaluations.criteria.basis')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="optional" valuePropName="checked">
          <Checkbox>{t('evaluations.criteria.optionalSet')}</Checkbox>
        </Form.Item>
        <Form.List name="criteria">
          {(rows, { add, remove }) => (
            <div className="antq-eval-set-editor">
              <Text strong>{t('evaluations.criteria.criteria')}</Text>
              {rows.map((row, i) => (
                <div key={row.key} className="antq-eval-set-row">
                  <span className="antq-reg-party__n">{i + 1}.</span>
                  <Form.Item name={[row.name, 'code']} rules={[req(t('evaluations.criteria.code'))]} className="antq-eval-set-row__code">
                    <Input placeholder={t('evaluations.criteria.code')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'text']} rules={[req(t('evaluations.criteria.text'))]} className="antq-eval-set-row__text">
                    <Input.TextArea placeholder={t('evaluations.criteria.text')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'confirmed']} valuePropName="checked" className="antq-eval-set-row__flag">
                    <Checkbox>{t('evaluations.criteria.confirmed')}</Checkbox>
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(row.name)}
                    aria-label={t('registers.items.remove', { n: i + 1 })}
                  />
                </div>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', text: '', confirmed: true, auto: '' })}>
                {t('evaluations.criteria.addCriterion')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
