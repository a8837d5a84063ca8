import { describe, expect, it } from 'vitest';
import type { CriterionAnswer, Evaluation } from './api';
import {
  actionsFor,
  answersOf,
  evaluationPatch,
  expectedResult,
  householdShare,
  progressOf,
  targetKindOf,
  unanswered,
  windowOf,
} from './logic';

const crit = (code: string, over: Partial<CriterionAnswer> = {}): CriterionAnswer => ({
  code,
  text: `Tiêu chí ${code}`,
  confirmed: true,
  auto: '',
  met: null,
  evidence: null,
  attachments: [],
  ...over,
});

const criteria = [
  crit('c1', { met: true, evidence: 'Biên bản họp' }),
  crit('c2'),
  crit('c3'),
  crit('subunits', { auto: 'subunits', met: null }),
];

describe('checklist progress', () => {
  it('counts what the officer answered and what the server computed', () => {
    const answers = answersOf(criteria);
    expect(progressOf(criteria, answers)).toEqual({ answered: 1, total: 4, percent: 25 });
    answers.c2 = { met: false, evidence: '' };
    expect(progressOf(criteria, answers)).toEqual({ answered: 2, total: 4, percent: 50 });
    // an automatic criterion counts once the server computed it, whatever the local state says
    answers.subunits = { met: true, evidence: '' };
    expect(progressOf(criteria, answers).answered).toBe(2);
    const computed = criteria.map((c) => (c.auto ? { ...c, met: true } : c));
    expect(progressOf(computed, answers).answered).toBe(3);
    expect(progressOf([], {})).toEqual({ answered: 0, total: 0, percent: 0 });
  });

  it('lists the criteria still to answer, never the automatic ones', () => {
    const answers = answersOf(criteria);
    expect(unanswered(criteria, answers)).toEqual(['c2', 'c3']);
    answers.c3 = { met: true, evidence: '' };
    expect(unanswered(criteria, answers)).toEqual(['c2']);
  });
});

describe('evaluationPatch', () => {
  const ev: Pick<Evaluation, 'criteria' | 'evaluated_on' | 'notes'> = { criteria, evaluated_on: null, notes: null };

  it('is null when nothing changed', () => {
    expect(evaluationPatch(ev, answersOf(criteria), null, '')).toBeNull();
    // spaces around the evidence are no change
    const a = answersOf(criteria);
    a.c1 = { met: true, evidence: '  Biên bản họp ' };
    expect(evaluationPatch(ev, a, null, '  ')).toBeNull();
  });

  it('sends only the changed criteria, the day and the notes', () => {
    const a = answersOf(criteria);
    a.c2 = { met: false, evidence: ' Còn 1 vụ trộm cắp ' };
    a.c3 = { met: true, evidence: '' };
    a.subunits = { met: true, evidence: '' };
    expect(evaluationPatch(ev, a, '2026-11-20', 'Họp dân ngày 20/11')).toEqual({
      results: { c2: { met: false, evidence: 'Còn 1 vụ trộm cắp' }, c3: { met: true, evidence: '' } },
      evaluated_on: '2026-11-20',
      notes: 'Họp dân ngày 20/11',
    });
  });

  it('clears the notes and the day with null, and an answer back to unanswered', () => {
    const stored = { criteria: [crit('c1', { met: true })], evaluated_on: '2026-11-20', notes: 'Ghi chú' };
    const a = answersOf(stored.criteria);
    a.c1 = { met: null, evidence: '' };
    expect(evaluationPatch(stored, a, null, '')).toEqual({ results: { c1: { met: null, evidence: '' } }, evaluated_on: null, notes: null });
  });
});

describe('expectedResult', () => {
  it('is not passed at the first criterion or rule not met, passed when everything is met', () => {
    const a = answersOf(criteria);
    expect(expectedResult(criteria, a, [])).toBeNull();
    a.c2 = { met: false, evidence: '' };
    expect(expectedResult(criteria, a, [])).toBe('not_passed');
    const all = [crit('a', { met: true }), crit('b', { met: true })];
    expect(expectedResult(all, answersOf(all), [{ code: 'households', label: '100% hộ', met: true }])).toBe('passed');
    expect(expectedResult(all, answersOf(all), [{ code: 'households', label: '100% hộ', met: false }])).toBe('not_passed');
    expect(expectedResult(all, answersOf(all), [{ code: 'households', label: '100% hộ', met: null }])).toBeNull();
  });
});

describe('actionsFor', () => {
  const officer = { username: 'mttq.sontinh', permissions: ['movement.read', 'evaluations.write'] };
  const approver = { username: 'bcd.sontinh', permissions: ['movement.read', 'evaluations.approve'] };

  it('lets the writer edit and submit a draft or a returned evaluation', () => {
    for (const status of ['draft', 'returned'] as const) {
      const a = actionsFor({ status, result: null, submitted_by: null }, officer);
      expect(a.edit && a.submit).toBe(true);
      expect(a.decide).toBe(false);
      expect(a.delete).toBe(status === 'draft');
    }
    expect(actionsFor({ status: 'draft', result: null, submitted_by: null }, approver).edit).toBe(false);
  });

  it('lets an approver who did not submit it decide a submitted evaluation', () => {
    const ev = { status: 'submitted' as const, result: 'passed' as const, submitted_by: 'mttq.sontinh' };
    expect(actionsFor(ev, approver).decide).toBe(true);
    expect(actionsFor(ev, officer).decide).toBe(false);
    expect(actionsFor(ev, officer).edit).toBe(false);
    expect(actionsFor(ev, { username: 'mttq.sontinh', permissions: ['evaluations.approve', 'evaluations.write'] }).decide).toBe(false);
    expect(actionsFor(ev, null).decide).toBe(false);
  });

  it('offers the certificate of an approved, passed evaluation only', () => {
    expect(actionsFor({ status: 'approved', result: 'passed', submitted_by: 'x' }, officer).certificate).toBe(true);
    expect(actionsFor({ status: 'approved', result: 'not_passed', submitted_by: 'x' }, officer).certificate).toBe(false);
    expect(actionsFor({ status: 'submitted', result: 'passed', submitted_by: 'x' }, officer).certificate).toBe(false);
  });
});

describe('target kinds and windows (Thông tư 124/2021/TT-BCA)', () => {
  it('maps units to target kinds', () => {
    expect(targetKindOf('village')).toBe('residential_area');
    expect(targetKindOf('commune')).toBe('commune');
    expect(targetKindOf('establishment', 'hospital')).toBe('agency');
    expect(targetKindOf('establishment', 'industrial_park')).toBe('enterprise');
    expect(targetKindOf('establishment', 'school')).toBe('school');
    expect(targetKindOf('province')).toBeNull();
  });

  it('knows the windows', () => {
    expect(windowOf('residential_area', 2026)).toEqual({ from: '2025-11-01', to: '2026-10-31' });
    expect(windowOf('commune', 2026)).toEqual({ from: '2025-11-16', to: '2026-11-15' });
  });

  it('computes the share of households committed', () => {
    expect(householdShare(120, 120)).toBe(100);
    expect(householdShare(120, 119)).toBe(99);
    expect(householdShare(0, 0)).toBeNull();
    expect(householdShare(null, 3)).toBeNull();
    expect(householdShare(10, 12)).toBe(100);
  });
});
