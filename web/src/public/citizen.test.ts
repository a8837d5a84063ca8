import { describe, expect, it } from 'vitest';
import { PublicApiError } from './api';
import { translator } from './i18n';
import common from './i18n/common.vi.json';
import opinion from './i18n/opinion.vi.json';
import { OPINION_MAX, opinionError } from './SubmitOpinion';
import { citizenStatus, citizenTimeline } from './tipTracking/status';

const t = translator({ ...common, ...opinion });

describe('a tip as its reporter reads it', () => {
  it('stays resolved once the police close it', () => {
    expect(citizenStatus('closed')).toBe('resolved');
    expect(citizenStatus('resolved')).toBe('resolved');
    expect(citizenStatus('rejected')).toBe('rejected');
  });

  it('says "resolved" once in the history', () => {
    const events = [
      { at: '2026-11-22T03:00:00Z', kind: 'status', status: 'closed' },
      { at: '2026-11-20T01:00:00Z', kind: 'received' },
      { at: '2026-11-21T02:00:00Z', kind: 'status', status: 'resolved' },
      { at: '2026-11-21T02:00:00Z', kind: 'decision' },
    ];
    expect(citizenTimeline(events).map((e) => e.status ?? e.kind)).toEqual(['received', 'resolved', 'decision']);
  });
});

describe('a refused opinion', () => {
  const refused = (status: number, field?: string, retryAfter?: number) =>
    new PublicApiError(status, 'validation_failed', "Trường 'content' không được để trống.", { field, retryAfter, fromServer: true });

  it('lands on its field in plain Vietnamese (not the API field name)', () => {
    expect(opinionError(refused(400, 'unit'), 'x', t)).toEqual({ field: 'unit', text: opinion['opinion.error.unit'] });
    expect(opinionError(refused(400, 'topic'), 'x', t)).toEqual({ field: 'topic', text: opinion['opinion.error.topic'] });
    expect(opinionError(refused(400, 'content'), '', t)).toEqual({ field: 'content', text: 'Vui lòng nhập nội dung ý kiến.' });
    expect(opinionError(refused(400, 'content'), 'a'.repeat(OPINION_MAX + 1), t).text).toBe('Nội dung không được quá 2.000 ký tự.');
    for (const f of ['unit', 'topic', 'content']) expect(opinionError(refused(400, f), 'x', t).text).not.toMatch(/'(unit|topic|content)'/);
  });

  it('says when to try again after too many', () => {
    expect(opinionError(refused(429, undefined, 1800), 'x', t)).toEqual({
      text: 'Bạn đã gửi nhiều ý kiến trong thời gian ngắn. Có thể gửi lại sau khoảng 30 phút.',
    });
    expect(opinionError(refused(429), 'x', t).text).toBe('Bạn đã gửi nhiều ý kiến trong thời gian ngắn.');
  });

  it('keeps the server’s message for other refusals, and ours without a server', () => {
    expect(opinionError(refused(400), 'x', t).text).toBe("Máy chủ không nhận ý kiến này: Trường 'content' không được để trống.");
    expect(opinionError(new PublicApiError(0, 'network', ''), 'x', t).text).toBe(common['error.network']);
    expect(opinionError(new PublicApiError(503, 'http_503', ''), 'x', t).text).toBe('Máy chủ trả lời lỗi (mã 503). Vui lòng thử lại sau.');
  });
});
