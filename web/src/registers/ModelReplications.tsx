/** A model's replications: where else it runs since when, "Nhân rộng" to a unit and "Kết thúc". */
import { BranchesOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, type ButtonProps, Divider, Empty, Form, List, Modal, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatDate } from '../lib/format';
import { endReplication, listReplications, registerKeys, replicateModel, type Id, type RegisterRecord, type Replication } from './api';
import { dayOf, todayVN } from './payload';
import UnitField from '../components/form/UnitField';
import DateInput from '../components/form/DateInput';

interface ReplicateValues {
  /** The units (villages) the model goes to: several at once. */
  unit: string[];
  started_on: Dayjs | null;
}

export default function ModelReplications({ model, canWrite }: { model: RegisterRecord; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const key = registerKeys.replications(model.id);
  const replications = useQuery({ queryKey: key, queryFn: ({ signal }) => listReplications(model.id, signal) });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Replication | null>(null);
  const [addForm] = Form.useForm<ReplicateValues>();
  const [endForm] = Form.useForm<{ ended_on: Dayjs | null }>();

  // one request per unit, one after the other; those that went through stay, the others are named
  const replicate = useMutation({
    mutationFn: async (v: ReplicateValues) => {
      const started_on = v.started_on?.format('YYYY-MM-DD') ?? '';
      const done: string[] = [];
      let last: Awaited<ReturnType<typeof replicateModel>> | null = null;
      for (const unit of v.unit) {
        try {
          last = await replicateModel(model.id, { unit, started_on });
          done.push(unit);
        } catch (e) {
          if (last) queryClient.setQueryData(key, last);
          throw Object.assign(e instanceof Error ? e : new Error(String(e)), { unit, done });
        }
      }
      return last!;
    },
    onSuccess: (res, v) => {
      queryClient.setQueryData(key, res);
      const names = v.unit.map((code) => res.items.find((r) => r.unit.code === code)?.unit.name ?? code);
      void message.success(
        names.length === 1
          ? t('registers.replications.added', { unit: names[0] })
          : t('registers.replications.addedMany', { n: names.length, units: names.join(', ') }),
      );
      setAdding(false);
    },
    onError: (e, v) => {
      const failed = (e as { unit?: string }).unit;
      const done = (e as { done?: string[] }).done ?? [];
      if (done.length) {
        void queryClient.invalidateQueries({ queryKey: key });
        addForm.setFieldValue(
          'unit',
          v.unit.filter((u) => !done.includes(u)),
        );
      }
      if (e instanceof ApiError && (e.field === 'unit' || e.field === 'started_on')) {
        const name = failed ? (replications.data?.items.find((r) => r.unit.code === failed)?.unit.name ?? failed) : '';
        const text = e.field === 'unit' && v.unit.length > 1 && name ? `${name}: ${e.message}` : e.message;
        addForm.setFields([{ name: e.field, errors: [text] }]);
      }
    },
  });
  const end = useMutation({
    mutationFn: (v: { rid: Id; ended_on: string }) => endReplication(model.id, v.rid, v.ended_on),
    onSuccess: (res) => {
      queryClient.setQueryData(key, res);
      void message.success(t('registers.replications.endedOk'));
      setEnding(null);
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field === 'ended_on') endForm.setFields([{ name: 'ended_on', errors: [e.message] }]);
    },
  });

  const openAdd = () => {
    replicate.reset();
    setAdding(true);
  };
  const openEnd = (r: Replication) => {
    end.reset();
    setEnding(r);
  };

  const items = replications.data?.items ?? [];
  const running = items.filter((r) => !r.ended_on).length;

  return (
    <section className="antq-reg-extra" data-testid="replications" aria-labelledby="replications-title">
      <Divider />
      <div className="antq-reg-extra__head">
        <div>
          <Typography.Title level={4} id="replications-title" className="antq-reg-extra__title">
            {t('registers.replications.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('registers.replications.summary', { n: items.length, running })}</Typography.Text>
        </div>
        {canWrite && (
          <Button type="primary" icon={<BranchesOutlined />} onClick={openAdd} data-testid="replicate">
            {t('registers.replications.add')}
          </Button>
        )}
      </div>
      {replications.isError && <ApiErrorAlert error={replications.error} onRetry={() => void replications.refetch()} />}
      <List<Replication>
        loading={replications.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.replications.none')} /> }}
        renderItem={(r) => (
          <List.Item
            data-testid="replication"
            actions={
              canWrite && !r.ended_on
                ? [
                    <Button key="end" size="small" icon={<StopOutlined />} onClick={() => openEnd(r)} data-testid="replication-end">
                      {t('registers.replications.end')}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              title={r.unit.name}
              description={
                <span className="antq-reg-tags">
                  <span className="antq-nowrap">{t('registers.replications.since', { date: formatDate(r.started_on) })}</span>
                  {r.ended_on ? (
                    <Tag>{t('registers.replications.ended', { date: formatDate(r.ended_on) })}</Tag>
                  ) : (
                    <Tag color="green">{t('registers.replications.running')}</Tag>
                  )}
                </span>
              }
            />
          </List.Item>
        )}
      />

      <Modal
        open={adding}
        title={t('registers.replications.addTitle')}
        onCancel={() => setAdding(false)}
        onOk={() => addForm.submit()}
        okText={t('registers.replications.add')}
        cancelText={t('common.cancel')}
        confirmLoading={replicate.isPending}
        okButtonProps={{ 'data-testid': 'replicate-save' } as ButtonProps}
        destroyOnHidden
        data-testid="replicate-modal"
      >
        {replicate.error && !(replicate.error instanceof ApiError && replicate.error.field) && <ApiErrorAlert error={replicate.error} />}
        <Form<ReplicateValues>
          form={addForm}
          name="replicate"
          layout="vertical"
          onFinish={(v) => replicate.mutate(v)}
          initialValues={{ unit: [], started_on: dayOf(todayVN()) }}
          preserve={false}
        >
          <Form.Item
            name="unit"
            label={t('registers.replications.unit')}
            extra={t('registers.replications.unitHint')}
            rules={[{ required: true, type: 'array', min: 1, message: t('registers.form.unitRequired') }]}
            data-testid="replicate-unit"
          >
            <UnitField multiple />
          </Form.Item>
          <Form.Item
            name="started_on"
            label={t('registers.replications.startedOn')}
            rules={[{ required: true, message: t('registers.form.requiredChoose', { label: t('registers.replications.startedOn') }) }]}
          >
            <DateInput noFuture />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={!!ending}
        title={t('registers.replications.endTitle', { unit: ending?.unit.name ?? '' })}
        onCancel={() => setEnding(null)}
        onOk={() => endForm.submit()}
        okText={t('registers.replications.end')}
        cancelText={t('common.cancel')}
        confirmLoading={end.isPending}
        okButtonProps={{ 'data-testid': 'replication-end-save' } as ButtonProps}
        destroyOnHidden
      >
        {end.error && !(end.error instanceof ApiError && end.error.field) && <ApiErrorAlert error={end.error} />}
        <Form<{ ended_on: Dayjs | null }>
          form={endForm}
          name="replication_end"
          layout="vertical"
          onFinish={(v) => ending && end.mutate({ rid: ending.id, ended_on: v.ended_on?.format('YYYY-MM-DD') ?? '' })}
          initialValues={{ ended_on: dayOf(todayVN()) }}
          preserve={false}
        >
          <Form.Item
            name="ended_on"
            label={t('registers.replications.endedOn')}
            rules={[{ required: true, message: t('registers.form.requiredChoose', { label: t('registers.replications.endedOn') }) }]}
          >
            <DateInput noFuture />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
