/** The area the dashboard shows: the chosen unit (or the account's own), its province on the map, and the map's figures. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { getUnit, queryKeys } from '../../api';
import { useAuth } from '../../accounts/auth';
import { getBreakdown, reportKeys, type ReportQuery, type Summary } from '../api';
import { figure } from '../metrics';
import { type Period } from '../period';

export function useArea(unit: string | null, period: Period, metric: string, summary: Summary | undefined) {
  const { user } = useAuth();
  const national = !user?.unit;
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
    if (provinceCode && summary && selectedUnit.data?.kind === 'province') return { [provinceCode]: figure(summary, metric) };
    if (provinceCode && summary && !unit) return { [provinceCode]: figure(summary, metric) };
    if (provinceCode && summary && belowProvince) return { [provinceCode]: figure(summary, metric) };
    return {};
  }, [national, countryBreakdown.data, provinceCode, summary, selectedUnit.data, unit, metric, belowProvince]);

  return { selectedUnit: selectedUnit.data ?? null, national, provinceCode, belowProvince, provinceName, mapValues };
}

export type Area = ReturnType<typeof useArea>;
