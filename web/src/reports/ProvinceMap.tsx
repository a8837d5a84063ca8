import { useQuery } from '@tanstack/react-query';
import { Alert, Spin } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import EChart from './EChart';
import { echarts, type EChartsOption } from './echarts';

const MAP_NAME = 'vn-provinces';
const GEOJSON_URL = '/geo/provinces.geojson';

interface Feature {
  properties: { code: string; name: string; full_name: string };
  geometry?: { type: string; coordinates: unknown };
}
interface Geo {
  type: 'FeatureCollection';
  features: Feature[];
}

type Box = [number, number, number, number]; // west, south, east, north

/** The bounding box of a GeoJSON geometry's coordinates. */
function bbox(coords: unknown, box: Box = [Infinity, Infinity, -Infinity, -Infinity]): Box {
  if (Array.isArray(coords) && typeof coords[0] === 'number' && typeof coords[1] === 'number') {
    box[0] = Math.min(box[0], coords[0]);
    box[1] = Math.min(box[1], coords[1]);
    box[2] = Math.max(box[2], coords[0]);
    box[3] = Math.max(box[3], coords[1]);
  } else if (Array.isArray(coords)) {
    for (const c of coords) bbox(c, box);
  }
  return box;
}

interface Provinces {
  names: Record<string, string>;
  boxes: Record<string, Box>;
  country: Box;
}

/** Fetches the shipped GeoJSON once and registers it with ECharts; answers names and extents by code. */
async function loadProvinces(signal?: AbortSignal): Promise<Provinces> {
  const res = await fetch(GEOJSON_URL, { signal });
  if (!res.ok) throw new Error(`GET ${GEOJSON_URL}: ${res.status}`);
  const geo = (await res.json()) as Geo;
  if (!echarts.getMap(MAP_NAME)) echarts.registerMap(MAP_NAME, geo as never);
  const boxes = Object.fromEntries(geo.features.map((f) => [f.properties.code, bbox(f.geometry?.coordinates)]));
  return {
    names: Object.fromEntries(geo.features.map((f) => [f.properties.code, f.properties.full_name])),
    boxes,
    country: Object.values(boxes).reduce<Box>(
      (a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])],
      [Infinity, Infinity, -Infinity, -Infinity],
    ),
  };
}

interface Props {
  /** value by province code (provinces without a value are drawn grey) */
  values: Record<string, number>;
  /** the province of the selected unit, highlighted */
  selected: string | null;
  metricLabel: string;
  height: number;
  onSelect?: (code: string) => void;
  /**
   * A province to zoom to (the area of a district or commune account: only province boundaries
   * are shipped, so its province is shown, centred and highlighted, with the country around it).
   */
  focus?: string | null;
}

/** The provinces coloured by a figure (a choropleth, no tiles). */
export default function ProvinceMap({ values, selected, metricLabel, height, onSelect, focus }: Props) {
  const { t } = useTranslation();
  const provinces = useQuery({
    queryKey: ['geo', 'provinces'],
    queryFn: ({ signal }) => loadProvinces(signal),
    staleTime: Infinity,
    gcTime: Infinity,
    retry: 1,
  });

  const option = useMemo<EChartsOption | null>(() => {
    if (!provinces.data) return null;
    const { names, boxes, country } = provinces.data;
    const box = focus ? boxes[focus] : undefined;
    // zoomed to the province: its centre, as much as fits (the country stays around it)
    const view =
      box && Number.isFinite(box[0])
        ? {
            center: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2],
            zoom: Math.max(
              1,
              Math.min(10, 0.8 * Math.min((country[2] - country[0]) / (box[2] - box[0]), (country[3] - country[1]) / (box[3] - box[1]))),
            ),
          }
        : {};
    const max = Math.max(1, ...Object.values(values));
    const data = Object.keys(names).map((code) => ({
      name: code,
      value: code in values ? values[code] : null,
      ...(code === selected
        ? {
            itemStyle: { borderColor: '#a8071a', borderWidth: 2.5 },
            label: { show: true, formatter: () => names[code] ?? code, fontWeight: 'bold' },
          }
        : {}),
    }));
    return {
      tooltip: {
        trigger: 'item',
        formatter: (p: { name: string; value: unknown }) =>
          `<b>${names[p.name] ?? p.name}</b><br/>${metricLabel}: ${typeof p.value === 'number' && Number.isFinite(p.value) ? formatNumber(p.value) : t('reports.map.noData')}`,
      },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: false,
        itemHeight: 100,
        itemWidth: 12,
        text: [formatNumber(max), '0'],
        textStyle: { fontSize: 11 },
        inRange: { color: ['#fff1f0', '#ffa39e', '#f5222d', '#820014'] },
        outOfRange: { color: '#f0f0f0' },
      },
      series: [
        {
          type: 'map',
          map: MAP_NAME,
          nameProperty: 'code',
          roam: true,
          scaleLimit: { min: 0.8, max: 12 },
          layoutCenter: ['55%', '50%'],
          layoutSize: '95%',
          aspectScale: 1,
          ...view,
          selectedMode: false,
          itemStyle: { areaColor: '#f5f5f5', borderColor: '#8c8c8c', borderWidth: 0.5 },
          emphasis: {
            label: { show: true, formatter: (p: { name: string }) => names[p.name] ?? p.name },
            itemStyle: { areaColor: '#ffd666' },
          },
          label: { show: false },
          data,
        },
      ],
    } as EChartsOption;
  }, [provinces.data, values, selected, metricLabel, t, focus]);

  const events = useMemo(() => (onSelect ? { click: (p: { name?: string }) => p.name && onSelect(p.name) } : undefined), [onSelect]);

  if (provinces.isError) return <Alert type="warning" showIcon message={t('reports.map.error')} />;
  if (!option)
    return (
      <div className="antq-reports__placeholder" style={{ height }}>
        <Spin tip={t('reports.map.loading')}>
          <span />
        </Spin>
      </div>
    );
  return <EChart option={option} height={height} onEvents={events} testId="reports-map" ariaLabel={t('reports.map.title')} />;
}
