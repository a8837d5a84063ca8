import { describe, expect, it } from 'vitest';
import { isDay, monthsBetween, presetOf, presetPeriod, previousYear, trendInterval, vietnamToday } from './period';

describe('presetPeriod (15th to 14th)', () => {
  it('gives the current month, from the 15th to the 14th', () => {
    expect(presetPeriod('month', '2026-11-22')).toEqual({ from: '2026-11-15', to: '2026-12-14' });
    expect(presetPeriod('month', '2026-11-14')).toEqual({ from: '2026-10-15', to: '2026-11-14' });
    expect(presetPeriod('month', '2026-11-15')).toEqual({ from: '2026-11-15', to: '2026-12-14' });
    expect(presetPeriod('month', '2026-01-03')).toEqual({ from: '2025-12-15', to: '2026-01-14' });
  });

  it('aligns quarters and halves on 15/12', () => {
    expect(presetPeriod('quarter', '2026-11-22')).toEqual({ from: '2026-09-15', to: '2026-12-14' });
    expect(presetPeriod('quarter', '2026-03-14')).toEqual({ from: '2025-12-15', to: '2026-03-14' });
    expect(presetPeriod('quarter', '2026-03-15')).toEqual({ from: '2026-03-15', to: '2026-06-14' });
    expect(presetPeriod('half', '2026-06-14')).toEqual({ from: '2025-12-15', to: '2026-06-14' });
    expect(presetPeriod('half', '2026-06-15')).toEqual({ from: '2026-06-15', to: '2026-12-14' });
  });

  it('gives the reporting year 15/12 of the year before to 14/12', () => {
    expect(presetPeriod('year', '2026-11-22')).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(presetPeriod('year', '2026-12-14')).toEqual({ from: '2025-12-15', to: '2026-12-14' });
    expect(presetPeriod('year', '2026-12-15')).toEqual({ from: '2026-12-15', to: '2027-12-14' });
    expect(presetPeriod('year', '2026-01-01')).toEqual({ from: '2025-12-15', to: '2026-12-14' });
  });

  it('gives five and ten reporting years ending with the current one', () => {
    expect(presetPeriod('five_years', '2026-11-22')).toEqual({ from: '2021-12-15', to: '2026-12-14' });
    expect(presetPeriod('ten_years', '2026-11-22')).toEqual({ from: '2016-12-15', to: '2026-12-14' });
    expect(presetPeriod('five_years', '2026-12-20')).toEqual({ from: '2022-12-15', to: '2027-12-14' });
  });

  it('steps back to earlier periods', () => {
    expect(presetPeriod('month', '2026-01-03', 1)).toEqual({ from: '2025-11-15', to: '2025-12-14' });
    expect(presetPeriod('quarter', '2026-11-22', 4)).toEqual({ from: '2025-09-15', to: '2025-12-14' });
    expect(presetPeriod('year', '2026-11-22', 1)).toEqual({ from: '2024-12-15', to: '2025-12-14' });
  });
});

describe('presetOf', () => {
  it('recognises the current period of a preset and leaves other ranges custom', () => {
    expect(presetOf({ from: '2025-12-15', to: '2026-12-14' }, '2026-11-22')).toBe('year');
    expect(presetOf({ from: '2026-09-15', to: '2026-12-14' }, '2026-11-22')).toBe('quarter');
    expect(presetOf({ from: '2026-01-01', to: '2026-06-30' }, '2026-11-22')).toBeNull();
  });
});

describe('previousYear', () => {
  it('shifts both days a year back, 29/02 to 28/02', () => {
    expect(previousYear({ from: '2025-12-15', to: '2026-12-14' })).toEqual({ from: '2024-12-15', to: '2025-12-14' });
    expect(previousYear({ from: '2024-02-29', to: '2024-03-14' })).toEqual({ from: '2023-02-28', to: '2023-03-14' });
  });
});

describe('monthsBetween and trendInterval', () => {
  it('counts reporting months', () => {
    expect(monthsBetween({ from: '2025-12-15', to: '2026-12-14' })).toBe(12);
    expect(monthsBetween({ from: '2026-11-15', to: '2026-12-14' })).toBe(1);
    expect(monthsBetween({ from: '2016-12-15', to: '2026-12-14' })).toBe(120);
  });
  it('uses months up to two years, quarters up to five, then years', () => {
    expect(trendInterval({ from: '2025-12-15', to: '2026-12-14' })).toBe('month');
    expect(trendInterval({ from: '2021-12-15', to: '2026-12-14' })).toBe('quarter');
    expect(trendInterval({ from: '2016-12-15', to: '2026-12-14' })).toBe('year');
  });
});

describe('days', () => {
  it('validates YYYY-MM-DD days', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('15/12/2025')).toBe(false);
    expect(isDay(null)).toBe(false);
  });
  it('takes today in Vietnam (UTC+7)', () => {
    expect(vietnamToday(new Date('2026-12-14T17:30:00Z'))).toBe('2026-12-15');
    expect(vietnamToday(new Date('2026-12-14T16:59:00Z'))).toBe('2026-12-14');
  });
});
