import { afterEach, describe, expect, it, vi } from 'vitest';
import vi_ from './i18n/common.vi.json';
import { translator } from './i18n';
import { PublicApiError, sendTip, trackTip, uploadAttachment } from './api';
import { errorText, retryText } from './ui';

const t = translator(vi_);

afterEach(() => vi.unstubAllGlobals());

function stub(status: number, body: unknown, headers: Record<string, string> = {}) {
  const f = vi.fn(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers }));
  vi.stubGlobal('fetch', f);
  return f;
}

describe('public API calls', () => {
  it('send the proof of work and the JSON body, without cookies', async () => {
    const f = stub(201, { tracking_code: '7KQM-X4TB', secret: 's', received_at: '2026-11-22T10:00:00Z', unit: { code: '21220-001' } });
    const sent = await sendTip({ unit: '21220-001', category: 'drugs', description: 'Mô tả đủ dài', anonymous: true }, 'tok:42');
    expect(sent.tracking_code).toBe('7KQM-X4TB');
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/public/tips');
    expect(init.credentials).toBe('omit');
    expect((init.headers as Record<string, string>)['X-Challenge']).toBe('tok:42');
    expect(JSON.parse(String(init.body)).anonymous).toBe(true);
  });

  it('carry the secret in a header, never in the address', async () => {
    const f = stub(200, { tracking_code: '7KQM-X4TB' });
    await trackTip('7KQM-X4TB', 'bi-mat');
    const [url, init] = f.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/public/tips/7KQM-X4TB');
    expect((init.headers as Record<string, string>)['X-Tip-Secret']).toBe('bi-mat');
  });

  it('upload a file as the raw body, keeping its location only when asked', async () => {
    const f = stub(201, { id: 1 });
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await uploadAttachment('7KQM-X4TB', 's', file, false);
    await uploadAttachment('7KQM-X4TB', 's', file, true);
    const calls = f.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0]![0]).toBe('/api/v1/public/tips/7KQM-X4TB/attachments');
    expect(calls[1]![0]).toBe('/api/v1/public/tips/7KQM-X4TB/attachments?keep_location=true');
    expect((calls[0]![1].headers as Record<string, string>)['Content-Type']).toBe('image/jpeg');
    expect(calls[0]![1].body).toBe(file);
  });

  it("turn errors into the server's Vietnamese message, with the wait of a 429", async () => {
    stub(429, { error: { code: 'rate_limited', message: 'Bạn đã gửi quá nhiều yêu cầu.' } }, { 'Retry-After': '90' });
    const e = await trackTip('X', 'y').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(PublicApiError);
    expect((e as PublicApiError).retryAfter).toBe(90);
    expect(errorText(e, t)).toBe('Bạn đã gửi quá nhiều yêu cầu. Có thể gửi lại sau 90 giây.');
    expect(retryText(3600, t)).toBe('Có thể gửi lại sau khoảng 60 phút.');
  });

  it('keep the field a validation error is about', async () => {
    stub(400, { error: { code: 'validation_failed', message: 'Mô tả quá ngắn.', field: 'description' } });
    const e = (await sendTip({ unit: 'x', category: 'y', description: 'z', anonymous: true }, null).catch((x: unknown) => x)) as PublicApiError;
    expect(e.field).toBe('description');
    expect(e.fromServer).toBe(true);
  });

  it('say so when the server cannot be reached or answers without an API error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    const net = await trackTip('X', 'y').catch((x: unknown) => x);
    expect(errorText(net, t)).toBe(vi_['error.network']);
    stub(502, '<html>Bad gateway</html>');
    const bad = await trackTip('X', 'y').catch((x: unknown) => x);
    expect(errorText(bad, t)).toBe('Máy chủ trả lời lỗi (mã 502). Vui lòng thử lại sau.');
  });
});
