/** The dashboard's state, kept in the address (?unit=&period=&back=&from=&to=&compare=1&metric=). */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { UNIT_PARAM } from '../../components/useSelectedUnit';
import { METRICS } from '../metrics';
import { PRESETS, isDay, presetPeriod, vietnamToday, type Period, type Preset } from '../period';

export const DEFAULT_PRESET: Preset = 'year';
export const DEFAULT_METRIC = 'activities.count';

/** The dashboard's state, kept in the address. */
export type DashboardParams = ReturnType<typeof useDashboardParams>;

export function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const today = vietnamToday();
  const unit = params.get(UNIT_PARAM)?.trim() || null;
  const rawPreset = params.get('period');
  const preset: Preset | null =
    rawPreset === 'custom' ? null : PRESETS.includes(rawPreset as Preset) ? (rawPreset as Preset) : DEFAULT_PRESET;
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
