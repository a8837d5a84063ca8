import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tipKeys, revealReporter, type RevealedReporter, type TipDetail as Tip } from '../api';
import RevealDialog from '../../components/RevealDialog';
import { formatDateTime, formatNumber } from '../../lib/format';
import Card from '../../components/Card';

const { Paragraph, Text } = Typography;

export default function Facts({ tip, categoryLabel, canReveal }: { tip: Tip; categoryLabel: (c: string) => string; canReveal: boolean }) {
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
