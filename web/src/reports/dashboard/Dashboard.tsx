/** The dashboard of an area for a period: filters, KPI cards, charts, the map, the units below, the issued reports. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Spin, Typography } from 'antd';
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { hasPermission, useAuth } from '../../accounts/auth';
import { formatDate } from '../../lib/format';
import { usePageTitle } from '../../components/usePageTitle';
import { UNIT_PARAM } from '../../components/useSelectedUnit';
import { getSummary, reportKeys, type ReportQuery } from '../api';
import { metricKey } from '../metrics';
import { REPORTS_ISSUE } from '../paths';
import { useNarrow } from '../../components/useBreakpoint';
import { BreakdownCard } from './BreakdownCard';
import { KpiCards } from './KpiCards';
import { useDashboardParams } from './params';
import { TrendCard } from './TrendCard';
import { FiltersCard } from './FiltersCard';
import { MapCard } from './MapCard';
import { ReportsHead } from './ReportsHead';
import { useArea } from './useArea';
import OnceOpened from '../../components/OnceOpened';
import { useAfterPageShown } from '../../shell/useAfterPageShown';

// The units below and the issued reports (Ant Design's Table) are under the first screen: they
// load once that screen is shown.
const ChildrenCard = lazy(() => import('./ChildrenCard').then((m) => ({ default: m.ChildrenCard })));
const IssuedCard = lazy(() => import('../issued/IssuedCard').then((m) => ({ default: m.IssuedCard })));
// the dialogs (a form, the document's preview) load when first opened
const IssueModal = lazy(() => import('../issued/IssueModal').then((m) => ({ default: m.IssueModal })));
const PreviewModal = lazy(() => import('../issued/PreviewModal').then((m) => ({ default: m.PreviewModal })));

const { Title, Text } = Typography;

/** The two breakdowns side by side: by organiser and by topic. */
const BREAKDOWNS = [
  { by: 'organizer', title: 'reports.byOrganizer' },
  { by: 'topic', title: 'reports.byTopic' },
] as const;

export function Dashboard() {
  const { t, i18n } = useTranslation();
  usePageTitle('reports.title');
  const { user } = useAuth();
  const narrow = useNarrow();
  const params = useDashboardParams();
  const { unit, period, compare, metric, update } = params;
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  // the draft of the issue dialog, rendered by the server with the texts being written
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [breakdownField, setBreakdownField] = useState<'count' | 'participants'>('count');
  const belowFirstScreen = useAfterPageShown();

  const q: ReportQuery = useMemo(() => ({ unit, from: period.from, to: period.to }), [unit, period.from, period.to]);
  const metricLabel = t(`reports.metricNames.${metricKey(metric)}`);
  const setUnit = useCallback((code: string | null) => update({ [UNIT_PARAM]: code }), [update]);

  const summary = useQuery({
    queryKey: reportKeys.summary({ ...q, compare }),
    queryFn: ({ signal }) => getSummary({ ...q, compare }, signal),
    placeholderData: keepPreviousData,
  });
  const area = useArea(unit, period, metric, summary.data);

  const exportQuery = { ...q, compare };
  const canIssue = hasPermission(user, REPORTS_ISSUE);
  const unitName =
    summary.data?.unit?.full_name ?? (unit ? (area.selectedUnit?.full_name ?? unit) : (user?.unit?.full_name ?? t('reports.country')));

  return (
    <div className="antq-reports" data-testid="reports-page">
      <ReportsHead
        exportQuery={exportQuery}
        unitName={unitName}
        period={period}
        canIssue={canIssue}
        onPreview={setPreviewUrl}
        onIssue={() => setIssuing(true)}
      />

      <FiltersCard params={params} detail={area.selectedUnit} narrow={narrow} />

      <div className="antq-reports__scope" data-testid="reports-scope">
        <Title level={3} className="antq-reports__unit" data-testid="reports-unit-name">
          {unitName}
        </Title>
        <Text type="secondary" data-testid="reports-period">
          {t('reports.periodText', { from: formatDate(period.from), to: formatDate(period.to) })}
        </Text>
        {summary.isFetching && <Spin size="small" />}
      </div>

      {summary.isError && <ApiErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}

      <KpiCards summary={summary.data ?? null} compare={compare} loading={summary.isPending} />

      <div className="antq-reports__grid antq-reports__grid--trend">
        <TrendCard q={q} metric={metric} metricLabel={metricLabel} compare={compare} narrow={narrow} language={i18n.resolvedLanguage} />
        <MapCard area={area} metricLabel={metricLabel} unitName={unitName} narrow={narrow} ready={!!summary.data} onSelect={setUnit} />
      </div>

      <div className="antq-reports__grid antq-reports__grid--halves">
        {BREAKDOWNS.map((b) => (
          <BreakdownCard
            key={b.by}
            q={q}
            by={b.by}
            title={t(b.title)}
            field={breakdownField}
            onField={setBreakdownField}
            narrow={narrow}
            language={i18n.resolvedLanguage}
          />
        ))}
      </div>

      {belowFirstScreen && (
        <Suspense fallback={null}>
          <ChildrenCard q={q} metric={metric} onDrill={setUnit} narrow={narrow} />
          <IssuedCard unit={unit} onOpen={setPreviewUrl} />
        </Suspense>
      )}

      <OnceOpened open={!!previewUrl}>
        <PreviewModal url={previewUrl} onClose={() => setPreviewUrl(null)} />
      </OnceOpened>
      <OnceOpened open={!!previewHtml}>
        <PreviewModal html={previewHtml} onClose={() => setPreviewHtml(null)} testId="draft-preview" />
      </OnceOpened>
      {canIssue && (
        <OnceOpened open={issuing}>
          <IssueModal open={issuing} onClose={() => setIssuing(false)} q={exportQuery} unitName={unitName} onPreview={setPreviewHtml} />
        </OnceOpened>
      )}
    </div>
  );
}
