/** A model's replications: where else it runs since when, "Nhân rộng" to a unit and "Kết thúc". */
import { BranchesOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, type FormInstance, List, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import FormModal from '../components/FormModal';
import { formatDate } from '../lib/format';
import { endReplication, listReplications, registerKeys, replicateModel, type Id, type RegisterRecord, type Replication } from './api';
import { PastDayItem, RecordExtra } from './bits';
import { dayOf, todayVN } from './payload';
import UnitField from '../components/form/UnitField';
import { useFeedback } from '../components/feedback';

interface ReplicateValues {
  /** The units (villages) the model goes to: several at once. */
  unit: string[];
  started_on: Dayjs | null;
}

export default function ModelReplications({ model, canWrite }: { model: RegisterRecord; canWrite: boolean }) {
  const { t } = useTranslation();
  const replications = useQuery({
    queryKey: registerKeys.replications(model.id),
    queryFn: ({ signal }) => listReplications(model.id, signal),
  });
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<Replication | null>(null);
  const [addForm] = Form.useForm<ReplicateValues>();
  const [endForm] = Form.useForm<{ ended_on: Dayjs | null }>();
  const replicate = useReplicate(model, addForm, replications.data?.items ?? [], () => setAdding(false));
  const end = useEndReplication(model, endForm, () => setEnding(null));

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
    <RecordExtra
      name="replications"
      title={t('registers.replications.title')}
      summary={t('registers.replications.summary', { n: items.length, running })}
      action={
        canWrite && (
          <Button type="primary" icon={<BranchesOutlined />} onClick={openAdd} data-testid="replicate">
            {t('registers.replications.add')}
          </Button>
        )
      }
    >
      {replications.isError && <ApiErrorAlert error={replications.error} onRetry={() => void replications.refetch()} />}
      <List<Replication>
        loading={replications.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.replications.none')} /> }}
        renderItem={(r) => <ReplicationItem replication={r} onEnd={canWrite && !r.ended_on ? () => openEnd(r) : undefined} />}
      />

      <FormModal
        open={adding}
        title={t('registers.replications.addTitle')}
        onCancel={() => setAdding(false)}
        onOk={() => addForm.submit()}
        okText={t('registers.replications.add')}
        okTestId="replicate-save"
        saving={replicate.isPending}
        error={replicate.error && !(replicate.error instanceof ApiError && replicate.error.field) ? replicate.error : null}
        testId="replicate-modal"
      >
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
          <PastDayItem name="started_on" label={t('registers.replications.startedOn')} />
        </Form>
      </FormModal>

      <FormModal
        open={!!ending}
        title={t('registers.replications.endTitle', { unit: ending?.unit.name ?? '' })}
        onCancel={() => setEnding(null)}
        onOk={() => endForm.submit()}
        okText={t('registers.replications.end')}
        okTestId="replication-end-save"
        saving={end.isPending}
        error={end.error && !(end.error instanceof ApiError && end.error.field) ? end.error : null}
      >
        <Form<{ ended_on: Dayjs | null }>
          form={endForm}
          name="replication_end"
          layout="vertical"
          onFinish={(v) => ending && end.mutate({ rid: ending.id, ended_on: v.ended_on?.format('YYYY-MM-DD') ?? '' })}
          initialValues={{ ended_on: dayOf(todayVN()) }}
          preserve={false}
        >
          <PastDayItem name="ended_on" label={t('registers.replications.endedOn')} />
        </Form>
      </FormModal>
    </RecordExtra>
  );
}

/** A place the model runs in: since when, running or ended; "Kết thúc" for those who may. */
function ReplicationItem({ replication: r, onEnd }: { replication: Replication; onEnd?: () => void }) {
  const { t } = useTranslation();
  return (
    <List.Item
      data-testid="replication"
      actions={
        onEnd
          ? [
              <Button key="end" size="small" icon={<StopOutlined />} onClick={onEnd} data-testid="replication-end">
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
  );
}

/**
 * "Nhân rộng": one request per unit, one after the other; those that went through stay (and leave
 * the form), the one refused is named with the server's reason.
 */
function useReplicate(model: RegisterRecord, form: FormInstance<ReplicateValues>, known: readonly Replication[], onDone: () => void) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const key = registerKeys.replications(model.id);
  return useMutation({
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
      onDone();
    },
    onError: (e, v) => {
      const failed = (e as { unit?: string }).unit;
      const done = (e as { done?: string[] }).done ?? [];
      if (done.length) {
        void queryClient.invalidateQueries({ queryKey: key });
        form.setFieldValue(
          'unit',
          v.unit.filter((u) => !done.includes(u)),
        );
      }
      if (e instanceof ApiError && (e.field === 'unit' || e.field === 'started_on')) {
        const name = failed ? (known.find((r) => r.unit.code === failed)?.unit.name ?? failed) : '';
        const text = e.field === 'unit' && v.unit.length > 1 && name ? `${name}: ${e.message}` : e.message;
        form.setFields([{ name: e.field, errors: [text] }]);
      }
    },
  });
}

/** "Kết thúc": the replication ends on the day chosen. */
function useEndReplication(model: RegisterRecord, form: FormInstance<{ ended_on: Dayjs | null }>, onDone: () => void) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { rid: Id; ended_on: string }) => endReplication(model.id, v.rid, v.ended_on),
    onSuccess: (res) => {
      queryClient.setQueryData(registerKeys.replications(model.id), res);
      void message.success(t('registers.replications.endedOk'));
      onDone();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.field === 'ended_on') form.setFields([{ name: 'ended_on', errors: [e.message] }]);
    },
  });
}
