import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, parseDate } from './format';

describe('formatNumber', () => {
  it('uses "." as the thousands separator', () => {
    expect(formatNumber(16000)).toBe('16.000');
    expect(formatNumber(35000)).toBe('35.000');
    expect(formatNumber(3421)).toBe('3.421');
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('leaves small numbers alone', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(45)).toBe('45');
    expect(formatNumber(999)).toBe('999');
  });

  it('uses "," as the decimal mark and drops trailing zeros', () => {
    expect(formatNumber(2.5)).toBe('2,5');
    expect(formatNumber(1234.56)).toBe('1.234,56');
    expect(formatNumber(10.1, 0)).toBe('10');
    expect(formatNumber(7.0)).toBe('7');
  });

  it('handles negatives and empty input', () => {
    expect(formatNumber(-16000)).toBe('-16.000');
    expect(formatNumber(-0.001)).toBe('0');
    expect(formatNumber(null)).toBe('');
    expect(formatNumber(undefined)).toBe('');
    expect(formatNumber(Number.NaN)).toBe('');
  });
});

describe('formatDate', () => {
  it('shows API dates (YYYY-MM-DD) as dd/mm/yyyy without a time zone shift', () => {
    expect(formatDate('2025-08-19')).toBe('19/08/2025');
    expect(formatDate('2024-01-01')).toBe('01/01/2024');
    expect(formatDate('2024-12-31')).toBe('31/12/2024');
  });

  it('shows timestamps as the day in Vietnam (UTC+7)', () => {
    expect(formatDate('2025-08-18T17:00:00Z')).toBe('19/08/2025');
    expect(formatDate('2025-08-18T16:59:59Z')).toBe('18/08/2025');
    expect(formatDate(new Date(Date.UTC(2024, 11, 31, 18, 0)))).toBe('01/01/2025');
  });

  it('returns "" for empty or invalid input', () => {
    expect(formatDate('')).toBe('');
    expect(formatDate(null)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows dd/mm/yyyy HH:mm in Vietnam time', () => {
    expect(formatDateTime('2025-08-19T01:05:00Z')).toBe('19/08/2025 08:05');
    expect(formatDateTime('2025-12-31T20:30:00+00:00')).toBe('01/01/2026 03:30');
  });

  it('adds seconds when asked (the audit trail)', () => {
    expect(formatDateTime('2025-08-19T01:05:09Z', { seconds: true })).toBe('19/08/2025 08:05:09');
    expect(formatDateTime('2025-08-19T16:59:59.999Z', { seconds: true })).toBe('19/08/2025 23:59:59');
    expect(formatDateTime('2025-08-19T17:00:00Z', { seconds: true })).toBe('20/08/2025 00:00:00');
    expect(formatDateTime(null, { seconds: true })).toBe('');
    expect(formatDateTime('not a date', { seconds: true })).toBe('');
  });
});

describe('parseDate', () => {
  it('reads dd/mm/yyyy into the API format', () => {
    expect(parseDate('19/08/2025')).toBe('2025-08-19');
    expect(parseDate('1/8/2025')).toBe('2025-08-01');
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
  });

  it('rejects impossible dates and other shapes', () => {
    expect(parseDate('29/02/2025')).toBeNull();
    expect(parseDate('31/04/2025')).toBeNull();
    expect(parseDate('2025-08-19')).toBeNull();
    expect(parseDate('')).toBeNull();
  });

  it('round-trips with formatDate', () => {
    for (const d of ['2025-08-19', '2000-01-01', '2026-12-31']) {
      expect(parseDate(formatDate(d))).toBe(d);
    }
  });
});
