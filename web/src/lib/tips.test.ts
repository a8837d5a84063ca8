import { describe, expect, it } from 'vitest';
import {
  attachmentProblem,
  descriptionProblem,
  formatBytes,
  formatTrackingCode,
  isoToVnLocal,
  parseOccurredAt,
  parseVnDate,
  parseVnTime,
  isPlausibleTrackingCode,
  normaliseSecret,
  normaliseTrackingCode,
  parseTrackingHash,
  revealReasonLongEnough,
  textLength,
  trackingHash,
  vnLocalToIso,
} from './tips';

describe('tracking codes', () => {
  it('are read case-insensitively, dashes and spaces optional', () => {
    expect(normaliseTrackingCode('7kqm-x4tb')).toBe('7KQMX4TB');
    expect(normaliseTrackingCode(' 7KQM X4TB ')).toBe('7KQMX4TB');
    expect(normaliseTrackingCode('7KQM–X4TB')).toBe('7KQMX4TB'); // en dash from a word processor
    expect(formatTrackingCode('7kqmx4tb')).toBe('7KQM-X4TB');
    expect(formatTrackingCode('7kq mx4 tb')).toBe('7KQM-X4TB');
    expect(formatTrackingCode('ABCDEFGHIJ')).toBe('ABCD-EFGH-IJ');
    expect(formatTrackingCode('')).toBe('');
  });

  it('are plausible only with letters and digits', () => {
    expect(isPlausibleTrackingCode('7KQM-X4TB')).toBe(true);
    expect(isPlausibleTrackingCode('7kqm x4tb')).toBe(true);
    expect(isPlausibleTrackingCode('abc')).toBe(false);
    expect(isPlausibleTrackingCode('7KQM/X4TB')).toBe(false);
  });

  it('travel in the fragment with the secret, and come back', () => {
    const hash = trackingHash('7kqmx4tb', 's3cr+t/=');
    expect(hash.startsWith('#code=7KQM-X4TB&secret=')).toBe(true);
    expect(parseTrackingHash(hash)).toEqual({ code: '7KQM-X4TB', secret: 's3cr+t/=' });
    expect(parseTrackingHash('')).toBeNull();
    expect(parseTrackingHash('#secret=x')).toBeNull();
    expect(parseTrackingHash('#code=7kqm-x4tb')).toEqual({ code: '7KQM-X4TB', secret: '' });
  });

  it('drop spaces from a pasted secret', () => {
    expect(normaliseSecret('  abcd efgh\n')).toBe('abcdefgh');
  });
});

describe('descriptions', () => {
  it('count characters, not bytes or UTF-16 units', () => {
    expect(textLength('Sơn Tịnh')).toBe(8);
    expect(textLength('Sơn Tịnh'.normalize('NFD'))).toBe(8);
    expect(textLength('  a  ')).toBe(1);
    expect(textLength('😀')).toBe(1);
  });

  it('a reason to reveal needs 10 characters, spaces around not counted, a composed letter counted once', () => {
    expect(revealReasonLongEnough('xác minh 1')).toBe(true);
    expect(revealReasonLongEnough('  xác minh  ')).toBe(false);
    expect(revealReasonLongEnough('xác minh 1'.normalize('NFD'))).toBe(true);
    expect(revealReasonLongEnough('Sơn Tịnh'.normalize('NFD') + '12')).toBe(true);
    expect(revealReasonLongEnough('Sơn Tịnh'.normalize('NFD') + '1')).toBe(false);
  });

  it('need 10 to 5.000 characters', () => {
    expect(descriptionProblem('ngắn quá')).toBe('short');
    expect(descriptionProblem('Có người lạ bán ma túy ở đầu thôn')).toBeNull();
    expect(descriptionProblem('a'.repeat(5000))).toBeNull();
    expect(descriptionProblem('a'.repeat(5001))).toBe('long');
  });
});

describe('attachments', () => {
  it('are photos and videos up to 25 MiB', () => {
    expect(attachmentProblem({ name: 'a.jpg', size: 1000, type: 'image/jpeg' })).toBeNull();
    expect(attachmentProblem({ name: 'clip.MOV', size: 1000, type: '' })).toBeNull();
    expect(attachmentProblem({ name: 'a.pdf', size: 1000, type: 'application/pdf' })).toBe('badType');
    expect(attachmentProblem({ name: 'a.mp4', size: 25 * 1024 * 1024 + 1, type: 'video/mp4' })).toBe('tooLarge');
    expect(attachmentProblem({ name: 'a.png', size: 0, type: 'image/png' })).toBe('empty');
  });

  it('show sizes the Vietnamese way', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(1536)).toBe('1,5 KB');
    expect(formatBytes(1572864)).toBe('1,5 MB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
  });
});

describe('times', () => {
  it('read datetime-local values as Vietnam time', () => {
    expect(vnLocalToIso('2026-11-20T13:00')).toBe('2026-11-20T06:00:00Z');
    expect(vnLocalToIso('2026-11-21T03:30')).toBe('2026-11-20T20:30:00Z');
    expect(vnLocalToIso('2026-02-30T10:00')).toBeNull();
    expect(vnLocalToIso('')).toBeNull();
    expect(isoToVnLocal('2026-11-20T06:00:00Z')).toBe('2026-11-20T13:00');
  });
});

describe('occurred-at fields', () => {
  it('read Vietnamese dates', () => {
    expect(parseVnDate('20/11/2026')).toBe('2026-11-20');
    expect(parseVnDate('5-3-2026')).toBe('2026-03-05');
    expect(parseVnDate('20.11.26')).toBe('2026-11-20');
    expect(parseVnDate('31/02/2026')).toBeNull();
    expect(parseVnDate('2026-11-20')).toBeNull();
  });

  it('read times of day as people write them', () => {
    expect(parseVnTime('21:30')).toBe('21:30');
    expect(parseVnTime('21h30')).toBe('21:30');
    expect(parseVnTime('9h')).toBe('09:00');
    expect(parseVnTime('7g15')).toBe('07:15');
    expect(parseVnTime('24:00')).toBeNull();
    expect(parseVnTime('abc')).toBeNull();
  });

  it('make a UTC timestamp of Vietnam date and time', () => {
    expect(parseOccurredAt('', '')).toEqual({ value: null });
    expect(parseOccurredAt('20/11/2026', '13:00')).toEqual({ value: '2026-11-20T06:00:00Z' });
    expect(parseOccurredAt('20/11/2026', '')).toEqual({ value: '2026-11-19T17:00:00Z' });
    expect(parseOccurredAt('', '13:00').problem).toBe('needsDate');
    expect(parseOccurredAt('32/11/2026', '').problem).toBe('badDate');
    expect(parseOccurredAt('20/11/2026', '25:00').problem).toBe('badTime');
  });
});
