import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { assignPending, candidateLabel, reformKeys, type QueueItem } from './api';
import { useFeedback } from '../../components/feedback';

/** The choice of one unit's new commune among its candidates, and the button that makes it. */
export default function AssignCell({ item }: { item: QueueItem }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string | undefined>(item.candidates.length === 1 ? item.candidates[0]?.code : undefined);
  const assign = useMutation({
    mutationFn: (successor: string) => assignPending(item.id, successor),
    onSuccess: (done) => {
      const to = item.candidates.find((c) => c.code === done.assigned_to)?.full_name ?? done.assigned_to;
      void message.success(t('units.reform.assigned', { unit: item.unit.full_name, to }));
      void queryClient.invalidateQueries({ queryKey: reformKeys.all });
    },
  });
  const relation = (r: string) => t(`units.reform.relation.${r}`, { defaultValue: r });
  return (
    <Space direction="vertical" size="small" className="antq-reform-assign">
      <Space.Compact>
        <Select
          aria-label={`${t('units.reform.choose')}: ${item.unit.full_name}`}
          placeholder={t('units.reform.choose')}
          value={choice}
          onChange={setChoice}
          options={item.candidates.map((c) => ({ value: c.code, label: candidateLabel(c, relation) }))}
          showSearch
          optionFilterProp="label"
          popupMatchSelectWidth={false}
          style={{ minWidth: 220 }}
          data-testid={`reform-choice-${item.id}`}
        />
        <Button
          type="primary"
          disabled={!choice}
          loading={assign.isPending}
          onClick={() => choice && assign.mutate(choice)}
          data-testid={`reform-assign-${item.id}`}
        >
          {t('units.reform.assign')}
        </Button>
      </Space.Compact>
      {assign.isError && <ApiErrorAlert error={assign.error} />}
    </Space>
  );
}
