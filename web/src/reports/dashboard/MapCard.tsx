/** The province map: the country's provinces for a national account, else the area's province. */
import { EnvironmentOutlined } from '@ant-design/icons';
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ProvinceMap from '../ProvinceMap';
import { type Area } from './useArea';

const { Text } = Typography;

export function MapCard({
  area,
  metricLabel,
  unitName,
  narrow,
  onSelect,
}: {
  area: Area;
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
  return (
    <Card
      size="small"
      title={t('reports.map.title')}
      className="antq-reports__card"
      extra={narrow ? undefined : <Text type="secondary">{metricLabel}</Text>}
    >
      {showMap ? (
        <ProvinceMap
          values={mapValues}
          selected={provinceCode}
          focus={belowProvince || !national ? provinceCode : null}
          metricLabel={metricLabel}
          height={narrow ? 440 : 480}
          onSelect={national ? onSelect : undefined}
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
          {belowProvince
            ? t('reports.map.provinceOf', { province: provinceName(provinceCode), unit: unitName })
            : t('reports.map.scopeNote')}
        </Text>
      )}
    </Card>
  );
}
