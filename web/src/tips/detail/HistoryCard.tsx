import { Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type TipDetail as Tip, type TipEvent } from '../api';
import { formatDate, formatDateTime } from '../../lib/format';
import { isTipStatus } from '../workflow';
import Card from '../../components/Card';

const { Text } = Typography;

function eventText(e: TipEvent, t: (k: string, o?: Record<string, unknown>) => string): string {
  if (e.kind === 'status' && e.status) {
    return t('tips.timeline.status', { status: isTipStatus(e.status) ? t(`tips.status.${e.status}`) : e.status });
  }
  return t(`tips.timeline.${e.kind}`, { defaultValue: t('tips.timeline.other', { kind: e.kind }) });
}

export default function History({ tip }: { tip: Tip }) {
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
