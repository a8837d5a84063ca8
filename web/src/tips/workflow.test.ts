import { describe, expect, it } from 'vitest';
import { daysUntil, isForwardMove, missingForStatus, nextStatuses, sortStatuses } from './workflow';

describe('statuses', () => {
  it('move forward only', () => {
    expect(isForwardMove('received', 'verifying')).toBe(true);
    expect(isForwardMove('received', 'resolved')).toBe(true); // several steps at once
    expect(isForwardMove('assigned', 'verifying')).toBe(false);
    expect(isForwardMove('resolved', 'resolved')).toBe(false);
    expect(isForwardMove('resolved', 'closed')).toBe(true);
    expect(isForwardMove('closed', 'resolved')).toBe(false);
    expect(isForwardMove('verifying', 'rejected')).toBe(true);
    expect(isForwardMove('resolved', 'rejected')).toBe(false);
    expect(isForwardMove('duplicate', 'closed')).toBe(false);
    expect(isForwardMove('nonsense', 'closed')).toBe(false);
  });

  it('offer the next steps in workflow order', () => {
    expect(nextStatuses('received')).toEqual(['verifying', 'assigned', 'resolved', 'closed', 'rejected', 'duplicate']);
    expect(nextStatuses('assigned')).toEqual(['resolved', 'closed', 'rejected', 'duplicate']);
    expect(nextStatuses('resolved')).toEqual(['closed']);
    expect(nextStatuses('closed')).toEqual([]);
    expect(nextStatuses('rejected')).toEqual([]);
  });

  it('sort in workflow order', () => {
    expect(sortStatuses(['closed', 'received', 'duplicate', 'assigned'])).toEqual(['received', 'assigned', 'closed', 'duplicate']);
  });

  it('name what a move still needs', () => {
    expect(missingForStatus('assigned', {})).toEqual(['assignee']);
    expect(missingForStatus('assigned', { assignee: 'cb.sontinh' })).toEqual([]);
    expect(missingForStatus('resolved', { outcome: false })).toEqual(['outcome']);
    expect(missingForStatus('closed', { outcome: true })).toEqual([]);
    expect(missingForStatus('rejected', { reason: '  ' })).toEqual(['reason']);
    expect(missingForStatus('duplicate', { duplicateOf: '12' })).toEqual([]);
    expect(missingForStatus('verifying', {})).toEqual([]);
  });
});

describe('deadlines', () => {
  it('count days to a deadline by Vietnam calendar days', () => {
    const now = new Date('2026-11-22T16:30:00Z'); // 23:30 in Vietnam, 22/11
    expect(daysUntil('2026-11-22T17:30:00Z', now)).toBe(1); // 00:30 on 23/11
    expect(daysUntil('2026-11-22T10:00:00Z', now)).toBe(0);
    expect(daysUntil('2026-11-20T10:00:00Z', now)).toBe(-2);
    expect(daysUntil('bad', now)).toBeNull();
  });
});
