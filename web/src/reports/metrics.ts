/** What the dashboard shows of a summary (docs/api/reports.md): KPI cards, metrics, changes. */
import { formatNumber } from '../lib/format';

/** A summary (or any part of it) read by a dotted path: "tips.received", "groups.self_managed.count". */
export function valueAt(tree: unknown, path: string): number {
  let node: unknown = tree;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null) return 0;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'number' && Number.isFinite(node) ? node : 0;
}

/** A total over every activity type: "count", "participants" or "quantity". */
export function activitiesTotal(tree: unknown, field: 'count' | 'participants' | 'quantity'): number {
  const acts = typeof tree === 'object' && tree !== null ? (tree as { activities?: unknown }).activities : undefined;
  if (typeof acts !== 'object' || acts === null) return 0;
  return Object.values(acts as Record<string, unknown>).reduce<number>((sum, a) => sum + valueAt(a, field), 0);
}

/** A figure of the summary: a path, or the totals of all activities ("activities.count"). */
export function figure(tree: unknown, path: string): number {
  if (path === 'activities.count') return activitiesTotal(tree, 'count');
  if (path === 'activities.participants') return activitiesTotal(tree, 'participants');
  return valueAt(tree, path);
}

export interface Kpi {
  /** the summary path (also the metric of the trend, map and child table) */
  metric: string;
  /** i18n key under reports.kpi */
  key: string;
  /** a second, smaller figure under the main one */
  detail?: { metric: string; key: string };
}

/** The KPI cards, in the order of the seed articles' paragraphs. */
export const KPIS: readonly Kpi[] = [
  { metric: 'activities.count', key: 'activities' },
  { metric: 'activities.participants', key: 'participants' },
  { metric: 'tips.received', key: 'tipsReceived' },
  { metric: 'tips.valid', key: 'tipsValid' },
  { metric: 'tips.cases_solved', key: 'casesSolved', detail: { metric: 'tips.suspects_arrested', key: 'suspectsArrested' } },
  { metric: 'mediations.total', key: 'mediations', detail: { metric: 'mediations.successful', key: 'mediationsSuccessful' } },
  {
    metric: 'reintegration.sessions',
    key: 'reintegrationSessions',
    detail: { metric: 'reintegration.people', key: 'reintegrationPeople' },
  },
  { metric: 'reintegration.progressed', key: 'progressed' },
  { metric: 'groups.self_managed.count', key: 'selfManaged', detail: { metric: 'groups.self_managed.members', key: 'members' } },
  { metric: 'models.by_kind.model', key: 'models', detail: { metric: 'models.replicated_units', key: 'replicatedUnits' } },
  { metric: 'models.by_kind.thematic', key: 'thematic' },
  { metric: 'activities.leaflet_distribution.quantity', key: 'leaflets' },
];

/** Metrics the trend, the map and the table of child units can show (all accepted by the API). */
export const METRICS: readonly string[] = [
  'activities.count',
  'activities.participants',
  'tips.received',
  'tips.cases_solved',
  'mediations.total',
  'reintegration.sessions',
  'reintegration.progressed',
  'groups.self_managed.count',
  'models.count',
  'activities.leaflet_distribution.quantity',
  'patrols.count',
];

/** The i18n key (under reports.metric) of a metric path. */
export const metricKey = (metric: string) => metric.replace(/\./g, '_');

/** A change "so với cùng kỳ": "+12", "-3", "0" with Vietnamese digit grouping. */
export function formatChange(change: number): string {
  if (!Number.isFinite(change)) return '';
  return change > 0 ? `+${formatNumber(change)}` : formatNumber(change);
}

/** The change in percent of the previous value ("+25%", "-50%"); '' when there was nothing before. */
export function formatChangePercent(current: number, previous: number): string {
  if (!previous || !Number.isFinite(previous) || !Number.isFinite(current)) return '';
  const pct = ((current - previous) / Math.abs(previous)) * 100;
  const rounded = Math.round(pct * 10) / 10;
  return `${rounded > 0 ? '+' : ''}${formatNumber(rounded, 1)}%`;
}

/** up / down / same, for the colour of a change. */
export function trend(change: number): 'up' | 'down' | 'same' {
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}

/** A short number for chart axes: 16.000 → "16 N", 1.200.000 → "1,2 Tr" (vi) or "16K", "1.2M" (en). */
export function compactNumber(value: number, language: string | undefined = 'vi'): string {
  const en = language === 'en';
  const abs = Math.abs(value);
  const units: [number, string, string][] = [
    [1e9, ' tỷ', 'B'],
    [1e6, ' tr', 'M'],
    [1e3, ' N', 'K'],
  ];
  for (const [size, vi, eng] of units) {
    if (abs >= size) {
      const n = Math.round((value / size) * 10) / 10;
      return en ? `${n}${eng}` : `${formatNumber(n, 1)}${vi}`;
    }
  }
  return en ? String(value) : formatNumber(value);
}
