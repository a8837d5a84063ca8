/** The province map: the country's provinces for a national account, else the area's province. */
import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartPlaceholder } from '../EChart';
import { type Area } from './useArea';
import Card from '../../components/Card';

const { Text } = Typography;

// the map needs ECharts and 2 MB of boundaries: both load once the figures it colours are here
const ProvinceMap = lazy(() => import('../ProvinceMap'));

export function MapCard({
  area,
  metricLabel,
  unitName,
  narrow,
  ready,
  onSelect,
}: {
  area: Area;
  /** the dashboard's figures have arrived */
  ready: boolean;
  metricLabel: string;
  unitName: string;
  narrow: boolean;
  onSelect: (code: string) => void;
}) {
  const { t } = useTranslation();
  const { mapValues, provinceCode, belowProvince, national, provinceName } = area;
  // on a phone the map (2 MB of boundaries) loads only when asked for
  const [mapAsked, setMapAsked] = useState(false);
  const showMap = !narrow || mapAsked;
  const mapHeight = narrow ? 440 : 480;
  return (
    <Card
      size="small"
      title={t('reports.map.title')}
      className="antq-reports__card"
      extra={narrow ? undefined : <Text type="secondary">{metricLabel}</Text>}
    >
      {showMap ? (
        <Suspense fallback={<ChartPlaceholder height={mapHeight} />}>
          {ready ? (
            <ProvinceMap
              values={mapValues}
              selected={provinceCode}
              focus={belowProvince || !national ? provinceCode : null}
              metricLabel={metricLabel}
              height={mapHeight}
              onSelect={national ? onSelect : undefined}
            />
          ) : (
            <ChartPlaceholder height={mapHeight} />
          )}
        </Suspense>
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
          {belowProvince
            ? t('reports.map.provinceOf', { province: provinceName(provinceCode), unit: unitName })
            : t('reports.map.scopeNote')}
        </Text>
      )}
    </Card>
  );
}
