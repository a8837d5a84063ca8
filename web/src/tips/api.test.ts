import { afterEach, describe, expect, it, vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import { listTips, markNotificationsRead, notificationTip, tipListParams, updateTip } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
});

const stubFetch = (status: number, body: unknown) => {
  const fetchMock = vi.fn(async () => new Response(status === 204 ? null : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
};

describe('tip list parameters', () => {
  it('drop empty filters', () => {
    expect(tipListParams({ status: 'received,verifying', overdue: true, page: 2, per_page: 20 })).toEqual({
      status: 'received,verifying',
      category: undefined,
      unit: undefined,
      from: undefined,
      to: undefined,
      overdue: 'true',
      assignee: undefined,
      q: undefined,
      page: 2,
      per_page: 20,
    });
    expect(tipListParams({ overdue: false, page: 1 }).overdue).toBeUndefined();
    expect(tipListParams({ page: 1 }).page).toBeUndefined();
    // the tips held during a flood: only them, or all but them
    expect(tipListParams({ held: true }).held).toBe('true');
    expect(tipListParams({ held: false }).held).toBe('false');
    expect(tipListParams({}).held).toBeUndefined();
  });

  it('become the query string of GET /api/v1/tips', async () => {
    const f = stubFetch(200, { items: [], total: 0, page: 1, per_page: 50 });
    await listTips({ unit: '21220', q: 'ma túy', from: '2026-11-01', per_page: 50 });
    const url = String((f.mock.calls[0] as unknown[])[0]);
    expect(url).toBe('/api/v1/tips?unit=21220&from=2026-11-01&q=ma+t%C3%BAy&per_page=50');
  });
});

describe('tip changes', () => {
  it('PATCH with the CSRF token and the JSON body', async () => {
    setCsrfToken('csrf-1');
    const f = stubFetch(200, { id: 7 });
    await updateTip(7, { status: 'duplicate', duplicate_of: 3 });
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/tips/7');
    expect(init.method).toBe('PATCH');
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1');
    expect(JSON.parse(String(init.body))).toEqual({ status: 'duplicate', duplicate_of: 3 });
  });
});

describe('notifications', () => {
  it('name their tip in the contract shape and in the generic one', () => {
    expect(notificationTip({ id: 1, kind: 'tip.received', at: '', read: false, tip_id: 12, tracking_code: '7KQM-X4TB' })).toEqual({
      id: '12',
      code: '7KQM-X4TB',
    });
    expect(notificationTip({ id: 2, kind: 'tip.message', at: '', read: false, entity: 'tip', entity_id: '5', label: 'ABCD-EFGH' })).toEqual(
      { id: '5', code: 'ABCD-EFGH' },
    );
    expect(notificationTip({ id: 3, kind: 'user.locked', at: '', read: true, entity: 'user', entity_id: 'x' })).toBeNull();
  });

  it('are marked read by number, or all of them', async () => {
    const f = stubFetch(204, undefined);
    await markNotificationsRead(['4', 5]);
    await markNotificationsRead();
    const bodies = f.mock.calls.map((c) => JSON.parse(String((c as unknown as [string, RequestInit])[1].body)));
    expect(bodies).toEqual([{ ids: [4, 5] }, {}]);
  });
});
