/** The dashboard's filters: the area, the period (a preset stepped back and forth, or two days), the comparison, the figure. */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type UnitDetail } from '../../api';
import DeferredRangePicker from '../../components/form/DeferredRangePicker';
import UnitField from '../../components/form/DeferredUnitField';
import NativeSelect from '../../components/form/NativeSelect';
import NativeSwitch from '../../components/form/NativeSwitch';
import ToggleButtons from '../../components/form/ToggleButtons';
import { useAuth } from '../../accounts/auth';
import { formatDate } from '../../lib/format';
import { UNIT_PARAM } from '../../components/useSelectedUnit';
import { METRICS, metricKey } from '../metrics';
import { PRESETS, previousYear, type Preset } from '../period';
import { AreaBreadcrumb } from './AreaBreadcrumb';
import { DEFAULT_METRIC, DEFAULT_PRESET, type DashboardParams } from './params';
import Card from '../../components/Card';

const { Text } = Typography;

export function FiltersCard({ params, detail, narrow }: { params: DashboardParams; detail: UnitDetail | null; narrow: boolean }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { unit, preset, back, period, compare, metric, update } = params;
  const setUnit = (code: string | null) => update({ [UNIT_PARAM]: code });
  const onPeriod = (p: Preset | 'custom') => {
    if (p === 'custom') update({ period: 'custom', back: null, from: period.from, to: period.to });
    else update({ period: p, back: null, from: null, to: null });
  };
  const step = (delta: number) =>
    update({ period: preset ?? DEFAULT_PRESET, back: String(Math.max(0, back + delta)) || null, from: null, to: null });
  return (
    <Card className="antq-reports__filters" size="small">
      <AreaBreadcrumb unit={unit} detail={detail} own={user?.unit ?? null} onSelect={setUnit} />
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
              // the phone's own list; the wide screen's buttons need no list at all
              <NativeSelect
                size="middle"
                data-testid="period-presets"
                aria-label={t('reports.period')}
                value={preset ?? 'custom'}
                onChange={(v) => onPeriod(v as Preset | 'custom')}
                options={[...PRESETS, 'custom'].map((p) => ({ value: p, label: t(`reports.presets.${p}`) }))}
                className="antq-reports__presets"
              />
            ) : (
              <ToggleButtons<Preset | 'custom'>
                data-testid="period-presets"
                aria-label={t('reports.period')}
                value={preset ?? 'custom'}
                onChange={onPeriod}
                options={[...PRESETS, 'custom'].map((p) => ({ value: p as Preset | 'custom', label: t(`reports.presets.${p}`) }))}
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
          <DeferredRangePicker
            className="antq-reports__range"
            aria-label={t('reports.range')}
            from={period.from}
            to={period.to}
            onChange={(from, to) => update({ period: 'custom', back: null, from, to })}
            data-testid="period-range"
          />
        </div>
        <div className="antq-reports__field antq-reports__field--compare">
          <label htmlFor="reports-compare">{t('reports.compare')}</label>
          <NativeSwitch
            id="reports-compare"
            checked={compare}
            onChange={(on) => update({ compare: on ? '1' : null })}
            data-testid="compare-switch"
          />
          {compare && (
            <Text type="secondary" className="antq-reports__hint">
              {t('reports.compareText', { from: formatDate(previousYear(period).from), to: formatDate(previousYear(period).to) })}
            </Text>
          )}
        </div>
        <div className="antq-reports__field antq-reports__field--metric">
          <label htmlFor="reports-metric">{t('reports.metric')}</label>
          <NativeSelect
            size="middle"
            id="reports-metric"
            value={metric}
            onChange={(m) => update({ metric: m === DEFAULT_METRIC ? null : m })}
            options={METRICS.map((m) => ({ value: m, label: t(`reports.metricNames.${metricKey(m)}`) }))}
            data-testid="metric-select"
          />
        </div>
      </div>
    </Card>
  );
}
