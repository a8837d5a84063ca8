import { describe, expect, it } from 'vitest';
import { activitiesTotal, compactNumber, figure, formatChange, formatChangePercent, trend, valueAt } from './metrics';
import { REPORTS_I18N } from './i18n';

const summary = {
  activities: {
    training: { count: 3, participants: 1230, quantity: 0 },
    leaflet_distribution: { count: 2, participants: 80, quantity: 35000 },
  },
  tips: { received: 423, cases_solved: 45 },
  groups: { self_managed: { count: 163, members: 1600 } },
};

describe('summary figures', () => {
  it('reads a dotted path, 0 when absent', () => {
    expect(valueAt(summary, 'tips.received')).toBe(423);
    expect(valueAt(summary, 'groups.self_managed.count')).toBe(163);
    expect(valueAt(summary, 'mediations.total')).toBe(0);
    expect(valueAt(null, 'tips.received')).toBe(0);
  });
  it('adds up every activity type', () => {
    expect(activitiesTotal(summary, 'count')).toBe(5);
    expect(figure(summary, 'activities.participants')).toBe(1310);
    expect(figure(summary, 'activities.leaflet_distribution.quantity')).toBe(35000);
  });
});

describe('changes and numbers', () => {
  it('formats a change with its sign and Vietnamese grouping', () => {
    expect(formatChange(16000)).toBe('+16.000');
    expect(formatChange(-3421)).toBe('-3.421');
    expect(formatChange(0)).toBe('0');
  });
  it('gives the change in percent, none without a previous value', () => {
    expect(formatChangePercent(150, 100)).toBe('+50%');
    expect(formatChangePercent(79, 158)).toBe('-50%');
    expect(formatChangePercent(10, 3)).toBe('+233,3%');
    expect(formatChangePercent(5, 0)).toBe('');
  });
  it('classifies changes', () => {
    expect(trend(2)).toBe('up');
    expect(trend(-1)).toBe('down');
    expect(trend(0)).toBe('same');
  });
  it('shortens axis labels the Vietnamese way', () => {
    expect(compactNumber(950)).toBe('950');
    expect(compactNumber(16000)).toBe('16 N');
    expect(compactNumber(1_250_000)).toBe('1,3 tr');
    expect(compactNumber(16000, 'en')).toBe('16K');
  });
});

describe('reports texts', () => {
  type Tree = { [k: string]: string | Tree };
  const keys = (t: Tree, p = ''): string[] =>
    Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${p}${k}`] : keys(v, `${p}${k}.`)));
  it('have the same keys in Vietnamese and English, NFC and not empty', () => {
    const vi = keys(REPORTS_I18N.vi as Tree).sort();
    expect(keys(REPORTS_I18N.en as Tree).sort()).toEqual(vi);
    const flat = (t: Tree): string[] => Object.values(t).flatMap((v) => (typeof v === 'string' ? [v] : flat(v)));
    for (const v of flat(REPORTS_I18N.vi as Tree)) {
      expect(v.trim()).not.toBe('');
      expect(v).toBe(v.normalize('NFC'));
    }
  });
});
