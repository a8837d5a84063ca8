/**
 * `/bao-cao`: the reports dashboard (issue 7) — the figures of an area (the user's own by default)
 * for a reporting period (15th to 14th presets or any two days), compared with the same period a
 * year earlier; KPI cards, the trend, the split by organising force and by topic, the province map,
 * the units below with drill-down; exports, the printable A4 report and the issued reports.
 * The state lives in the address (?unit=&period=&back=&from=&to=&compare=1&metric=).
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  EnvironmentOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  FileWordOutlined,
  LeftOutlined,
  MinusOutlined,
  PrinterOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Form,
  Input,
  Modal,
  Row,
  Segmented,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { getUnit, queryKeys, type UnitDetail, type UnitRef } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import DownloadButton from '../components/DownloadButton';
import RequireAuth from '../accounts/RequireAuth';
import UnitField from '../components/form/UnitField';
import { hasPermission, useAuth } from '../accounts/auth';
import { downloadName } from '../lib/files';
import { formatDate, formatNumber } from '../lib/format';
import { unitKindColor, unitKindKey } from '../lib/units';
import { usePageTitle } from '../components/usePageTitle';
import { UNIT_PARAM } from '../components/useSelectedUnit';
import {
  fetchHtml,
  getBreakdown,
  getSummary,
  getTimeseries,
  issueReport,
  issuedReportUrl,
  previewReport,
  listIssuedReports,
  reportKeys,
  summaryUrl,
  type BreakdownItem,
  type IssuedReport,
  type ReportQuery,
  type Summary,
} from './api';
import EChart from './EChart';
import type { EChartsOption } from './echarts';
import './i18n';
import { KPIS, METRICS, compactNumber, figure, formatChange, formatChangePercent, metricKey, trend } from './metrics';
import { PRESETS, isDay, presetPeriod, previousYear, trendInterval, vietnamToday, type Period, type Preset } from './period';
import { REPORTS_ISSUE, REPORTS_READ } from './paths';
import ProvinceMap from './ProvinceMap';
import './reports.css';
import { useNarrow } from '../components/useBreakpoint';

const { Title, Text, Paragraph } = Typography;

const DEFAULT_PRESET: Preset = 'year';
const DEFAULT_METRIC = 'activities.count';
/** Columns of the table of child units besides the chosen metric. */
const CHILD_METRICS = ['activities.count', 'activities.participants', 'tips.received', 'mediations.total', 'reintegration.sessions'];
const A4_WIDTH_PX = 794; // 210 mm at 96 dpi
const A4_HEIGHT_PX = 1123; // 297 mm

export default function ReportsPage() {
  return (
    <RequireAuth permission={REPORTS_READ}>
      <Dashboard />
    </RequireAuth>
  );
}

/** The dashboard's state, kept in the address. */
function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const unit = params.get(UNIT_PARAM)?.trim() || null;
  const rawPreset = params.get('period');
  const preset: Preset | null = rawPreset === 'custom' ? null : PRESETS.includes(rawPreset as Preset) ? (rawPreset as Preset) : DEFAULT_PRESET;
  const back = Math.max(0, Math.min(200, Number(params.get('back')) || 0));
  const from = params.get('from');
  const to = params.get('to');
  let period: Period;
  if (!preset && isDay(from) && isDay(to) && from <= to) period = { from, to };
  else period = presetPeriod(preset ?? DEFAULT_PRESET, today, preset ? back : 0);
  const compare = params.get('compare') === '1';
  const rawMetric = params.get('metric');
  const metric = rawMetric && METRICS.includes(rawMetric) ? rawMetric : DEFAULT_METRIC;

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') p.delete(k);
          else p.set(k, v);
        }
        return p;
      }),
    [setParams],
  );
  return { unit, preset, back, period, compare, metric, update };
}


function Dashboard() {
  const { t, i18n } = useTranslation();
  usePageTitle('reports.title');
  const { user } = useAuth();
  const narrow = useNarrow();
  const { unit, preset, back, period, compare, metric, update } = useDashboardParams();
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  // the draft of the issue dialog, rendered by the server with the texts being written
  const [previewHtml, setPreviewHtml] = useState<string | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [breakdownField, setBreakdownField] = useState<'count' | 'participants'>('count');

  const q: ReportQuery = useMemo(() => ({ unit, from: period.from, to: period.to }), [unit, period.from, period.to]);
  const national = !user?.unit;
  const metricLabel = t(`reports.metricNames.${metricKey(metric)}`);
  const setUnit = useCallback((code: string | null) => update({ [UNIT_PARAM]: code }), [update]);

  const summary = useQuery({
    queryKey: reportKeys.summary({ ...q, compare }),
    queryFn: ({ signal }) => getSummary({ ...q, compare }, signal),
    placeholderData: keepPreviousData,
  });

  const selectedUnit = useQuery({
    queryKey: queryKeys.unit(unit ?? ''),
    queryFn: ({ signal }) => getUnit(unit ?? '', signal),
    enabled: !!unit,
    staleTime: 5 * 60_000,
    retry: false,
  });

  // the account's own unit with its ancestors (a district or commune account: its province)
  const ownCode = user?.unit && user.unit.kind !== 'province' ? user.unit.code : '';
  const ownUnit = useQuery({
    queryKey: queryKeys.unit(ownCode),
    queryFn: ({ signal }) => getUnit(ownCode, signal),
    enabled: !!ownCode,
    staleTime: 5 * 60_000,
    retry: false,
  });
  // the province of the selected unit (itself, or its ancestor), highlighted on the map
  const provinceCode = useMemo(() => {
    const u = unit ? selectedUnit.data : (ownUnit.data ?? null);
    if (u) {
      if (u.kind === 'province') return u.code;
      return u.ancestors.find((a) => a.kind === 'province')?.code ?? null;
    }
    if (!unit && user?.unit?.kind === 'province') return user.unit.code;
    return null;
  }, [unit, selectedUnit.data, ownUnit.data, user]);
  // below a province the map (province boundaries only) shows the province, zoomed and highlighted
  const areaKind = unit ? selectedUnit.data?.kind : user?.unit?.kind;
  const belowProvince = !!areaKind && areaKind !== 'province';
  // on a phone the map (2 MB of boundaries) loads only when asked for
  const [mapAsked, setMapAsked] = useState(false);
  const showMap = !narrow || mapAsked;
  const provinceName = (code: string) => {
    const u = unit ? selectedUnit.data : ownUnit.data;
    return u?.ancestors.find((a) => a.code === code)?.full_name ?? (u?.code === code ? u.full_name : code);
  };

  // the whole country's provinces colour the map (a national account); otherwise the own province
  const countryQuery: ReportQuery = useMemo(() => ({ unit: null, from: period.from, to: period.to }), [period.from, period.to]);
  const countryBreakdown = useQuery({
    queryKey: reportKeys.breakdown(countryQuery, metric, 'child'),
    queryFn: ({ signal }) => getBreakdown(countryQuery, metric, 'child', signal),
    enabled: national,
    placeholderData: keepPreviousData,
  });
  const mapValues = useMemo(() => {
    if (national) return Object.fromEntries((countryBreakdown.data?.items ?? []).map((i) => [i.key, i.value]));
    if (provinceCode && summary.data && selectedUnit.data?.kind === 'province') return { [provinceCode]: figure(summary.data, metric) };
    if (provinceCode && summary.data && !unit) return { [provinceCode]: figure(summary.data, metric) };
    if (provinceCode && summary.data && belowProvince) return { [provinceCode]: figure(summary.data, metric) };
    return {};
  }, [national, countryBreakdown.data, provinceCode, summary.data, selectedUnit.data, unit, metric, belowProvince]);

  const onPeriod = (p: Preset | 'custom') => {
    if (p === 'custom') update({ period: 'custom', back: null, from: period.from, to: period.to });
    else update({ period: p, back: null, from: null, to: null });
  };
  const step = (delta: number) => update({ period: preset ?? DEFAULT_PRESET, back: String(Math.max(0, back + delta)) || null, from: null, to: null });

  const exportQuery = { ...q, compare };
  const canIssue = hasPermission(user, REPORTS_ISSUE);
  const today = vietnamToday();
  const unitName = summary.data?.unit?.full_name ?? (unit ? (selectedUnit.data?.full_name ?? unit) : (user?.unit?.full_name ?? t('reports.country')));

  return (
    <div className="antq-reports" data-testid="reports-page">
      <div className="antq-reports__head">
        <div>
          <Title level={1} className="antq-page-title antq-reports__title">
            {t('reports.title')}
          </Title>
          <Paragraph type="secondary" className="antq-reports__subtitle">
            {t('reports.subtitle')}
          </Paragraph>
        </div>
        <Space wrap className="antq-reports__actions">
          <DownloadButton icon={<FileExcelOutlined />} href={summaryUrl(exportQuery, 'xlsx')} fileName={downloadName('Báo cáo số liệu', unitName, `${period.from}_${period.to}`, 'xlsx')} data-testid="export-xlsx">
            {t('reports.export.xlsx')}
          </DownloadButton>
          <DownloadButton icon={<FileWordOutlined />} href={summaryUrl(exportQuery, 'docx')} fileName={downloadName('Báo cáo', unitName, today, 'docx')} data-testid="export-docx">
            {t('reports.export.docx')}
          </DownloadButton>
          <DownloadButton icon={<FileTextOutlined />} href={summaryUrl(exportQuery, 'csv')} fileName={downloadName('Báo cáo số liệu', unitName, `${period.from}_${period.to}`, 'csv')} data-testid="export-csv">
            {t('reports.export.csv')}
          </DownloadButton>
          <Button icon={<PrinterOutlined />} onClick={() => setPreviewUrl(summaryUrl(exportQuery, 'html'))} data-testid="print-preview">
            {t('reports.export.preview')}
          </Button>
          {canIssue && (
            <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={() => setIssuing(true)} data-testid="issue-report">
              {t('reports.export.issue')}
            </Button>
          )}
        </Space>
      </div>

      <Card className="antq-reports__filters" size="small">
        <AreaBreadcrumb unit={unit} detail={selectedUnit.data ?? null} own={user?.unit ?? null} onSelect={setUnit} />
        <div className="antq-reports__filter-grid">
          <div className="antq-reports__field antq-reports__field--unit">
            <label htmlFor="reports-unit">{t('reports.unit')}</label>
            <UnitField id="reports-unit" value={unit} onChange={setUnit} />
            {!unit && (
              <Text type="secondary" className="antq-reports__hint">
                {t('reports.ownArea')}: {user?.unit?.full_name ?? t('reports.country')}
              </Text>
            )}
          </div>
          <div className="antq-reports__field antq-reports__field--period">
            <label>{t('reports.period')}</label>
            <Space wrap size={[8, 8]}>
              {narrow ? (
                <Select
                  data-testid="period-presets"
                  aria-label={t('reports.period')}
                  value={preset ?? 'custom'}
                  onChange={(v) => onPeriod(v as Preset | 'custom')}
                  options={[...PRESETS, 'custom'].map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
                  style={{ minWidth: 140 }}
                />
              ) : (
                <Segmented
                  data-testid="period-presets"
                  value={preset ?? 'custom'}
                  onChange={(v) => onPeriod(v as Preset | 'custom')}
                  options={[...PRESETS, 'custom'].map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
                />
              )}
              {preset && (
                <Space.Compact>
                  <Tooltip title={t('reports.earlier')}>
                    <Button icon={<LeftOutlined />} aria-label={t('reports.earlier')} onClick={() => step(1)} data-testid="period-earlier" />
                  </Tooltip>
                  <Tooltip title={t('reports.later')}>
                    <Button icon={<RightOutlined />} aria-label={t('reports.later')} onClick={() => step(-1)} disabled={back === 0} />
                  </Tooltip>
                </Space.Compact>
              )}
            </Space>
            <DatePicker.RangePicker
              className="antq-reports__range"
              aria-label={t('reports.range')}
              format="DD/MM/YYYY"
              allowClear={false}
              value={[dayjs(period.from), dayjs(period.to)]}
              onChange={(v) => {
                const [a, b] = (v ?? []) as [Dayjs | null, Dayjs | null];
                if (a && b) update({ period: 'custom', back: null, from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
              }}
              data-testid="period-range"
            />
          </div>
          <div className="antq-reports__field antq-reports__field--compare">
            <label htmlFor="reports-compare">{t('reports.compare')}</label>
            <Switch id="reports-compare" checked={compare} onChange={(on) => update({ compare: on ? '1' : null })} data-testid="compare-switch" />
            {compare && (
              <Text type="secondary" className="antq-reports__hint">
                {t('reports.compareText', { from: formatDate(previousYear(period).from), to: formatDate(previousYear(period).to) })}
              </Text>
            )}
          </div>
          <div className="antq-reports__field antq-reports__field--metric">
            <label htmlFor="reports-metric">{t('reports.metric')}</label>
            <Select
              id="reports-metric"
              value={metric}
              onChange={(m) => update({ metric: m === DEFAULT_METRIC ? null : m })}
              options={METRICS.map((m) => ({ value: m, label: t(`reports.metricNames.${metricKey(m)}`) }))}
              data-testid="metric-select"
              popupMatchSelectWidth={false}
            />
          </div>
        </div>
      </Card>

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

      <Row gutter={[16, 16]} className="antq-reports__row">
        <Col xs={24} lg={14}>
          <TrendCard q={q} metric={metric} metricLabel={metricLabel} compare={compare} narrow={narrow} language={i18n.resolvedLanguage} />
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('reports.map.title')} className="antq-reports__card" extra={narrow ? undefined : <Text type="secondary">{metricLabel}</Text>}>
            {showMap ? (
              <ProvinceMap
                values={mapValues}
                selected={provinceCode}
                focus={belowProvince || !national ? provinceCode : null}
                metricLabel={metricLabel}
                height={narrow ? 440 : 480}
                onSelect={national ? setUnit : undefined}
              />
            ) : (
              <div className="antq-reports__map-ask" data-testid="reports-map-ask">
                <Text type="secondary">{t('reports.map.onDemand')}</Text>
                <Button icon={<EnvironmentOutlined />} onClick={() => setMapAsked(true)} data-testid="reports-map-show">
                  {t('reports.map.show')}
                </Button>
              </div>
            )}
            {showMap && provinceCode && (
              <Text type="secondary" className="antq-reports__hint" data-testid="reports-map-note">
                {belowProvince ? t('reports.map.provinceOf', { province: provinceName(provinceCode), unit: unitName }) : t('reports.map.scopeNote')}
              </Text>
            )}
          </Card>
        </Col>
      </Row>

      <Row gutter={[16, 16]} className="antq-reports__row">
        <Col xs={24} lg={12}>
          <BreakdownCard
            q={q}
            by="organizer"
            title={t('reports.byOrganizer')}
            field={breakdownField}
            onField={setBreakdownField}
            narrow={narrow}
            language={i18n.resolvedLanguage}
          />
        </Col>
        <Col xs={24} lg={12}>
          <BreakdownCard q={q} by="topic" title={t('reports.byTopic')} field={breakdownField} onField={setBreakdownField} narrow={narrow} language={i18n.resolvedLanguage} />
        </Col>
      </Row>

      <ChildrenCard q={q} metric={metric} onDrill={setUnit} narrow={narrow} />

      <IssuedCard unit={unit} onOpen={setPreviewUrl} />

      <PreviewModal url={previewUrl} onClose={() => setPreviewUrl(null)} />
      <PreviewModal html={previewHtml} onClose={() => setPreviewHtml(null)} testId="draft-preview" />
      {canIssue && <IssueModal open={issuing} onClose={() => setIssuing(false)} q={exportQuery} unitName={unitName} onPreview={setPreviewHtml} />}
    </div>
  );
}

/** "Toàn quốc › Tỉnh Quảng Ngãi › Xã Sơn Tịnh": the levels from the user's area down, each clickable. */
function AreaBreadcrumb({
  unit,
  detail,
  own,
  onSelect,
}: {
  unit: string | null;
  detail: UnitDetail | null;
  own: UnitRef | null;
  onSelect: (code: string | null) => void;
}) {
  const { t } = useTranslation();
  const root = own?.full_name ?? t('reports.country');
  const chain: UnitRef[] = [];
  if (unit && detail && detail.code === unit) {
    const path: UnitRef[] = [...detail.ancestors, detail];
    // only the levels inside the user's area: from below the user's own unit down
    const ownAt = own ? path.findIndex((a) => a.code === own.code) : -1;
    chain.push(...path.slice(ownAt + 1));
  }
  const link = (label: string, code: string | null, testId: string) => (
    <a
      href="#"
      data-testid={testId}
      onClick={(e) => {
        e.preventDefault();
        onSelect(code);
      }}
    >
      {label}
    </a>
  );
  // a plain list (Ant Design's Breadcrumb would add weight to the chunk every staff page loads)
  const items = [
    { key: 'root', node: chain.length ? link(root, null, 'crumb-root') : <span data-testid="crumb-root">{root}</span> },
    ...chain.map((u, i) => ({
      key: u.code,
      node: i < chain.length - 1 ? link(u.full_name, u.code, `crumb-${u.code}`) : <span data-testid={`crumb-${u.code}`}>{u.full_name}</span>,
    })),
  ];
  return (
    <nav aria-label={t('reports.breadcrumb')} className="antq-reports__crumbs" data-testid="reports-breadcrumb">
      <ol>
        {items.map((it, i) => (
          <li key={it.key} aria-current={i === items.length - 1 ? 'location' : undefined}>
            {it.node}
          </li>
        ))}
      </ol>
    </nav>
  );
}

/** The KPI cards, with the change from the same period a year earlier when asked. */
function KpiCards({ summary, compare, loading }: { summary: Summary | null; compare: boolean; loading: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('reports.kpiTitle')} className="antq-reports__kpis" data-testid="kpi-cards">
      {KPIS.map((k) => {
        const value = summary ? figure(summary, k.metric) : null;
        const previous = summary?.previous ? figure(summary.previous, k.metric) : null;
        const change = value !== null && previous !== null ? value - previous : null;
        const dir = change === null ? null : trend(change);
        return (
          <Card key={k.metric} size="small" className="antq-reports__kpi" data-testid={`kpi-${k.metric}`} loading={loading && !summary}>
            <div className="antq-reports__kpi-label">{t(`reports.kpi.${k.key}`)}</div>
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
          </Card>
        );
      })}
    </section>
  );
}

const axisLabel = (p: { from: string; to: string }, interval: string) => {
  // a reporting month 15/12–14/01 is named by the month it ends in
  const [y, m] = p.to.split('-');
  return interval === 'year' ? y! : `${m}/${y}`;
};

function TrendCard({
  q,
  metric,
  metricLabel,
  compare,
  narrow,
  language,
}: {
  q: ReportQuery;
  metric: string;
  metricLabel: string;
  compare: boolean;
  narrow: boolean;
  language: string | undefined;
}) {
  const { t } = useTranslation();
  const interval = trendInterval(q);
  const prevQ = useMemo(() => ({ ...q, ...previousYear(q) }), [q]);
  const [series, previous] = useQueries({
    queries: [
      {
        queryKey: reportKeys.series(q, metric, interval),
        queryFn: ({ signal }: { signal: AbortSignal }) => getTimeseries(q, metric, interval, signal),
        placeholderData: keepPreviousData,
      },
      {
        queryKey: reportKeys.series(prevQ, metric, interval),
        queryFn: ({ signal }: { signal: AbortSignal }) => getTimeseries(prevQ, metric, interval, signal),
        enabled: compare,
        placeholderData: keepPreviousData,
      },
    ],
  });
  const option = useMemo<EChartsOption | null>(() => {
    const points = series.data?.points;
    if (!points) return null;
    const prev = compare ? previous.data?.points : undefined;
    return {
      grid: { left: 8, right: 16, top: prev ? 36 : 16, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'axis',
        formatter: (ps: { dataIndex: number; seriesName: string; value: number; marker: string }[]) => {
          const i = ps[0]?.dataIndex ?? 0;
          const p = points[i];
          const head = p ? `${formatDate(p.from)} – ${formatDate(p.to)}` : '';
          return [head, ...ps.map((x) => `${x.marker}${x.seriesName}: <b>${formatNumber(x.value)}</b>`)].join('<br/>');
        },
      },
      legend: prev ? { top: 0, itemWidth: 14, textStyle: { fontSize: 12 } } : undefined,
      xAxis: {
        type: 'category',
        data: points.map((p) => axisLabel(p, interval)),
        axisLabel: { fontSize: 11, hideOverlap: true },
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, formatter: (v: number) => compactNumber(v, language) } },
      series: [
        {
          name: metricLabel,
          type: 'bar',
          data: points.map((p) => p.value),
          itemStyle: { color: '#c41d24', borderRadius: [3, 3, 0, 0] },
          barMaxWidth: 28,
        },
        ...(prev
          ? [
              {
                name: t('reports.trend.previous'),
                type: 'line',
                data: points.map((_, i) => prev[i]?.value ?? null),
                itemStyle: { color: '#8c8c8c' },
                lineStyle: { type: 'dashed' },
                symbolSize: 5,
              },
            ]
          : []),
      ],
    } as EChartsOption;
  }, [series.data, previous.data, compare, interval, metricLabel, narrow, language, t]);

  return (
    <Card
      size="small"
      className="antq-reports__card"
      title={
        <span>
          {t('reports.trend.title')} <Text type="secondary">{t(`reports.trend.${interval}`)}</Text>
        </span>
      }
      extra={narrow ? undefined : <Text type="secondary">{metricLabel}</Text>}
    >
      {series.isError ? (
        <ApiErrorAlert error={series.error} />
      ) : option ? (
        <EChart option={option} height={narrow ? 280 : 460} testId="reports-trend" ariaLabel={`${t('reports.trend.title')}: ${metricLabel}`} />
      ) : (
        <div className="antq-reports__placeholder" style={{ height: narrow ? 280 : 460 }}>
          <Spin />
        </div>
      )}
    </Card>
  );
}

function BreakdownCard({
  q,
  by,
  title,
  field,
  onField,
  narrow,
  language,
}: {
  q: ReportQuery;
  by: 'organizer' | 'topic';
  title: string;
  field: 'count' | 'participants';
  onField: (f: 'count' | 'participants') => void;
  narrow: boolean;
  language: string | undefined;
}) {
  const { t } = useTranslation();
  const metric = `activities.${field}`;
  const data = useQuery({
    queryKey: reportKeys.breakdown(q, metric, by),
    queryFn: ({ signal }) => getBreakdown(q, metric, by, signal),
    placeholderData: keepPreviousData,
  });
  const items = data.data?.items ?? [];
  const option = useMemo<EChartsOption>(() => {
    // largest at the top: a horizontal bar chart draws its categories from the bottom
    const sorted = [...items].sort((a, b) => a.value - b.value);
    return {
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p: { name: string; value: number }) => `${p.name}: <b>${formatNumber(p.value)}</b>` },
      xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, formatter: (v: number) => compactNumber(v, language) } },
      yAxis: {
        type: 'category',
        data: sorted.map((i) => i.label),
        axisLabel: { fontSize: 11, width: narrow ? 110 : 170, overflow: 'truncate' },
        axisTick: { show: false },
      },
      series: [
        {
          type: 'bar',
          data: sorted.map((i) => i.value),
          itemStyle: { color: by === 'organizer' ? '#1d4ed8' : '#d4380d', borderRadius: [0, 3, 3, 0] },
          barMaxWidth: 18,
          label: { show: true, position: 'right', fontSize: 11, formatter: (p: { value: number }) => (p.value ? formatNumber(p.value) : '') },
        },
      ],
    } as EChartsOption;
  }, [items, by, narrow, language]);
  return (
    <Card
      size="small"
      className="antq-reports__card"
      title={title}
      extra={
        <Segmented
          size="small"
          value={field}
          onChange={(v) => onField(v as 'count' | 'participants')}
          options={[
            { value: 'count', label: t('reports.breakdownCount') },
            { value: 'participants', label: t('reports.breakdownParticipants') },
          ]}
        />
      }
    >
      {data.isError ? (
        <ApiErrorAlert error={data.error} />
      ) : (
        <EChart option={option} height={Math.max(220, items.length * 26 + 24)} testId={`reports-by-${by}`} ariaLabel={title} />
      )}
    </Card>
  );
}

interface ChildRow {
  key: string;
  label: string;
  unit?: BreakdownItem['unit'];
  values: Record<string, number>;
}

function ChildrenCard({ q, metric, onDrill, narrow }: { q: ReportQuery; metric: string; onDrill: (code: string) => void; narrow: boolean }) {
  const { t } = useTranslation();
  const metrics = useMemo(() => [metric, ...CHILD_METRICS.filter((m) => m !== metric)], [metric]);
  const shown = narrow ? metrics.slice(0, 2) : metrics;
  const results = useQueries({
    queries: shown.map((m) => ({
      queryKey: reportKeys.breakdown(q, m, 'child'),
      queryFn: ({ signal }: { signal: AbortSignal }) => getBreakdown(q, m, 'child', signal),
      placeholderData: keepPreviousData,
    })),
  });
  const first = results[0];
  const rows = useMemo<ChildRow[]>(() => {
    const byKey = new Map<string, ChildRow>();
    results.forEach((r, i) => {
      for (const item of r.data?.items ?? []) {
        const row = byKey.get(item.key) ?? { key: item.key, label: item.label, unit: item.unit, values: {} };
        row.values[shown[i]!] = item.value;
        byKey.set(item.key, row);
      }
    });
    return [...byKey.values()];
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [results.map((r) => r.dataUpdatedAt).join(','), shown.join(',')]);
  const total = rows.reduce((s, r) => s + (r.values[metric] ?? 0), 0);

  const columns: ColumnsType<ChildRow> = [
    {
      title: t('reports.children.unit'),
      dataIndex: 'label',
      key: 'label',
      fixed: narrow ? undefined : 'left',
      render: (label: string, row) =>
        row.unit?.has_children ? (
          <a
            href="#"
            data-testid={`child-${row.key}`}
            onClick={(e) => {
              e.preventDefault();
              onDrill(row.key);
            }}
          >
            {label}
          </a>
        ) : (
          <span data-testid={`child-${row.key}`}>{label}</span>
        ),
      sorter: (a, b) => a.label.localeCompare(b.label, 'vi'),
    },
    ...(narrow
      ? []
      : [
          {
            title: t('reports.children.kind'),
            key: 'kind',
            width: 130,
            render: (_: unknown, row: ChildRow) => (row.unit ? <Tag color={unitKindColor(row.unit.kind)}>{t(unitKindKey(row.unit.kind))}</Tag> : null),
          },
        ]),
    ...shown.map((m, i) => ({
      title: t(`reports.metricNames.${metricKey(m)}`),
      key: m,
      align: 'right' as const,
      width: i === 0 ? 150 : 130,
      className: i === 0 ? 'antq-reports__col-main' : undefined,
      defaultSortOrder: i === 0 ? ('descend' as const) : undefined,
      sorter: (a: ChildRow, b: ChildRow) => (a.values[m] ?? 0) - (b.values[m] ?? 0),
      render: (_: unknown, row: ChildRow) => formatNumber(row.values[m] ?? 0),
    })),
    ...(narrow
      ? []
      : [
          {
            title: t('reports.children.share'),
            key: 'share',
            width: 90,
            align: 'right' as const,
            render: (_: unknown, row: ChildRow) => (total ? `${formatNumber(((row.values[metric] ?? 0) / total) * 100, 1)}%` : ''),
          },
        ]),
  ];

  return (
    <Card size="small" className="antq-reports__card antq-reports__row" title={t('reports.children.title')} data-testid="children-card">
      {first?.isError ? (
        <ApiErrorAlert error={first.error} />
      ) : (
        <Table<ChildRow>
          size="small"
          rowKey="key"
          columns={columns}
          dataSource={rows}
          loading={first?.isPending}
          pagination={rows.length > 15 ? { pageSize: 15, showSizeChanger: false, size: 'small' } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.children.none')} /> }}
          onRow={(row) => ({
            className: row.unit?.has_children ? 'antq-reports__drillable' : undefined,
            onClick: (e) => {
              if (row.unit?.has_children && !(e.target as HTMLElement).closest('a')) onDrill(row.key);
            },
          })}
          data-testid="children-table"
        />
      )}
    </Card>
  );
}

function IssuedCard({ unit, onOpen }: { unit: string | null; onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: reportKeys.issued(unit), queryFn: ({ signal }) => listIssuedReports(unit, signal) });
  const columns: ColumnsType<IssuedReport> = [
    { title: t('reports.issued.number'), dataIndex: 'number', key: 'number', width: 120 },
    { title: t('reports.issued.issuedOn'), dataIndex: 'issued_on', key: 'issued_on', width: 120, render: (d: string) => formatDate(d) },
    {
      title: t('reports.issued.summary'),
      key: 'title',
      render: (_: unknown, r) => (
        <div>
          <div>{r.title}</div>
          <Text type="secondary" className="antq-reports__hint">
            {r.unit?.full_name ?? t('reports.country')} · {formatDate(r.from)} – {formatDate(r.to)}
          </Text>
        </div>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 200,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button size="small" icon={<PrinterOutlined />} onClick={() => onOpen(issuedReportUrl(r.id, 'html'))} data-testid={`issued-open-${r.id}`}>
            {t('reports.issued.open')}
          </Button>
          <Tooltip title={t('reports.export.docx')}>
            <DownloadButton
              size="small"
              icon={<FileWordOutlined />}
              href={issuedReportUrl(r.id, 'docx')}
              fileName={downloadName(`Báo cáo ${r.number}`, r.unit?.full_name ?? null, r.issued_on, 'docx')}
              aria-label={t('reports.export.docx')}
              data-testid={`issued-docx-${r.id}`}
            />
          </Tooltip>
          <Tooltip title={t('reports.export.xlsx')}>
            <DownloadButton
              size="small"
              icon={<FileExcelOutlined />}
              href={issuedReportUrl(r.id, 'xlsx')}
              fileName={downloadName(`Báo cáo ${r.number}`, r.unit?.full_name ?? null, r.issued_on, 'xlsx')}
              aria-label={t('reports.export.xlsx')}
              data-testid={`issued-xlsx-${r.id}`}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" className="antq-reports__card antq-reports__row" title={t('reports.issued.title')} data-testid="issued-card">
      {list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : (
        <Table<IssuedReport>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.issued.empty')} /> }}
          data-testid="issued-table"
        />
      )}
    </Card>
  );
}

/**
 * The A4 report in a frame: fetched from `url` (the server does not let its page be framed), or
 * the `html` of a draft the server rendered for the issue dialog.
 */
function PreviewModal({ url = null, html: given = null, onClose, testId = 'report-preview-frame' }: { url?: string | null; html?: string | null; onClose: () => void; testId?: string }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const fetched = useQuery({
    queryKey: ['staff', 'reports', 'html', url],
    queryFn: ({ signal }) => fetchHtml(url!, signal),
    enabled: !!url,
    staleTime: 0,
    gcTime: 0,
  });
  const open = !!url || given !== null;
  const html = given ?? fetched.data;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('reports.preview.title')}
      width={A4_WIDTH_PX + 100}
      className="antq-reports__preview-modal"
      destroyOnHidden
      footer={[
        ...(url
          ? [
              <Button key="tab" href={url} target="_blank" rel="noopener">
                {t('reports.preview.newTab')}
              </Button>,
            ]
          : []),
        <Button key="print" type="primary" icon={<PrinterOutlined />} disabled={!html} onClick={() => frame.current?.contentWindow?.print()}>
          {t('reports.preview.print')}
        </Button>,
      ]}
    >
      {fetched.isError && !given ? (
        <ApiErrorAlert error={fetched.error} />
      ) : !html ? (
        <div className="antq-reports__placeholder" style={{ height: 300 }}>
          <Spin tip={t('reports.preview.loading')}>
            <span />
          </Spin>
        </div>
      ) : (
        <div className="antq-reports__paper-wrap">
          <iframe
            ref={frame}
            title={t('reports.preview.title')}
            srcDoc={html}
            sandbox="allow-same-origin allow-modals"
            className="antq-reports__paper"
            style={{ width: A4_WIDTH_PX, height: A4_HEIGHT_PX }}
            data-testid={testId}
          />
        </div>
      )}
    </Modal>
  );
}

interface IssueForm {
  title?: string;
  number?: string;
  signer?: string;
  assessment?: string;
  direction?: string;
}

/** Limit of each hand-written part (the server's, docs/api/reports.md). */
const HAND_TEXT_MAX = 8000;

function IssueModal({
  open,
  onClose,
  q,
  unitName,
  onPreview,
}: {
  open: boolean;
  onClose: () => void;
  q: ReportQuery & { compare?: boolean };
  unitName: string;
  onPreview: (html: string) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<IssueForm>();
  const request = (v: IssueForm) => ({
    unit: q.unit,
    from: q.from,
    to: q.to,
    ...(q.compare ? { compare: 'previous_year' } : {}),
    ...(v.title?.trim() ? { title: v.title.trim() } : {}),
    ...(v.number?.trim() ? { number: v.number.trim() } : {}),
    ...(v.signer?.trim() ? { signer: v.signer.trim() } : {}),
    ...(v.assessment?.trim() ? { assessment: v.assessment.trim() } : {}),
    ...(v.direction?.trim() ? { direction: v.direction.trim() } : {}),
  });
  const issue = useMutation({
    mutationFn: (v: IssueForm) => issueReport(request(v)),
    onSuccess: (r) => {
      void message.success(t('reports.issue.done', { number: r.number }));
      void queryClient.invalidateQueries({ queryKey: reportKeys.all });
      form.resetFields();
      onClose();
    },
  });
  const preview = useMutation({ mutationFn: (v: IssueForm) => previewReport(request(v)), onSuccess: onPreview });
  const error = issue.error ?? preview.error;
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('reports.issue.title')}
      width={720}
      destroyOnHidden
      footer={[
        <Button key="preview" icon={<PrinterOutlined />} loading={preview.isPending} onClick={() => preview.mutate(form.getFieldsValue())} data-testid="issue-preview">
          {t('reports.issue.preview')}
        </Button>,
        <Button key="issue" type="primary" icon={<SafetyCertificateOutlined />} loading={issue.isPending} onClick={() => form.submit()}>
          {t('reports.issue.submit')}
        </Button>,
      ]}
    >
      <Paragraph>
        <b>{unitName}</b> · {t('reports.periodText', { from: formatDate(q.from), to: formatDate(q.to) })}
      </Paragraph>
      <Alert type="info" showIcon message={t('reports.issue.intro')} className="antq-reports__issue-intro" />
      {error && <ApiErrorAlert error={error} />}
      <Form form={form} layout="vertical" onFinish={(v) => issue.mutate(v)} data-testid="issue-form">
        <Form.Item name="title" label={t('reports.issue.reportTitle')}>
          <Input maxLength={300} />
        </Form.Item>
        <div className="antq-reports__issue-pair">
          <Form.Item name="number" label={t('reports.issue.number')}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="signer" label={t('reports.issue.signer')}>
            <Input maxLength={120} />
          </Form.Item>
        </div>
        <Paragraph type="secondary" className="antq-reports__hint">
          {t('reports.issue.handHint')}
        </Paragraph>
        <Form.Item name="assessment" label={t('reports.issue.assessment')}>
          <Input.TextArea rows={5} maxLength={HAND_TEXT_MAX} showCount placeholder={t('reports.issue.assessmentPlaceholder')} data-testid="issue-assessment" />
        </Form.Item>
        <Form.Item name="direction" label={t('reports.issue.direction')}>
          <Input.TextArea rows={5} maxLength={HAND_TEXT_MAX} showCount placeholder={t('reports.issue.directionPlaceholder')} data-testid="issue-direction" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
