import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../lib/format';
import { type Summary } from '../api';
import { KPIS, figure, formatChange, formatChangePercent, trend } from '../metrics';
import Card from '../../components/Card';
import LoadingLines from '../../components/LoadingLines';

/** The KPI cards, with the change from the same period a year earlier when asked. */
export function KpiCards({ summary, compare, loading }: { summary: Summary | null; compare: boolean; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('reports.kpiTitle')} className="antq-reports__kpis" data-testid="kpi-cards">
      {KPIS.map((k) => {
        const value = summary ? figure(summary, k.metric) : null;
        const previous = summary?.previous ? figure(summary.previous, k.metric) : null;
        const change = value !== null && previous !== null ? value - previous : null;
        const dir = change === null ? null : trend(change);
        return (
          <Card key={k.metric} size="small" className="antq-reports__kpi" data-testid={`kpi-${k.metric}`} aria-busy={loading && !summary}>
            <div className="antq-reports__kpi-label">{t(`reports.kpi.${k.key}`)}</div>
            {loading && !summary ? (
              <LoadingLines />
            ) : (
              <>
                <div className="antq-reports__kpi-value" data-testid="kpi-value">
                  {value === null ? '—' : formatNumber(value)}
                </div>
                {k.detail && summary && (
                  <div className="antq-reports__kpi-detail">
                    {formatNumber(figure(summary, k.detail.metric))} {t(`reports.kpi.${k.detail.key}`)}
                  </div>
                )}
                {compare && change !== null && previous !== null && (
                  <div className={`antq-reports__kpi-change antq-reports__kpi-change--${dir}`} data-testid="kpi-change">
                    {dir === 'up' ? <ArrowUpOutlined /> : dir === 'down' ? <ArrowDownOutlined /> : <MinusOutlined />}{' '}
                    {dir === 'same' ? t('reports.noChange') : formatChange(change)}
                    {dir !== 'same' && formatChangePercent(value!, previous) && ` (${formatChangePercent(value!, previous)})`}
                  </div>
                )}
              </>
            )}
          </Card>
        );
      })}
    </section>
  );
}
