import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import { ApiError, apiUrl, errorFromResponse, getJson } from './client';

const jsonResponse = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiUrl', () => {
  it('drops empty query values and encodes the rest', () => {
    expect(apiUrl('/api/v1/units')).toBe('/api/v1/units');
    expect(apiUrl('/api/v1/units', { parent: null })).toBe('/api/v1/units');
    expect(apiUrl('/api/v1/units', { parent: '' })).toBe('/api/v1/units');
    expect(apiUrl('/api/v1/units/search', { q: 'sơn tịnh', limit: 20 })).toBe(
      '/api/v1/units/search?q=s%C6%A1n+t%E1%BB%8Bnh&limit=20',
    );
  });
});

describe('errorFromResponse', () => {
  it("keeps the server's Vietnamese message, code and field", async () => {
    const err = await errorFromResponse(
      jsonResponse(400, { error: { code: 'validation_failed', message: 'Từ khóa quá ngắn', field: 'q' } }),
    );
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(400);
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('Từ khóa quá ngắn');
    expect(err.field).toBe('q');
  });

  it('falls back to a Vietnamese message when the body is not an API error', async () => {
    await i18n.changeLanguage('vi');
    const err = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(err.status).toBe(502);
    expect(err.message).toBe('Máy chủ trả lời lỗi (mã 502). Vui lòng thử lại sau.');
  });
});

describe('getJson', () => {
  it('returns the parsed body', async () => {
    const fetchMock = vi.fn(async () => jsonResponse(200, { status: 'ok', database: 'sqlite', version: '0.1.0' }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(getJson('/healthz')).resolves.toEqual({ status: 'ok', database: 'sqlite', version: '0.1.0' });
    expect(fetchMock).toHaveBeenCalledWith('/healthz', expect.objectContaining({ credentials: 'same-origin' }));
  });

  it('throws ApiError with the server message on 404', async () => {
    vi.stubGlobal('fetch', async () => jsonResponse(404, { error: { code: 'not_found', message: 'Không tìm thấy đơn vị' } }));
    await expect(getJson('/api/v1/units/x')).rejects.toMatchObject({ status: 404, code: 'not_found', message: 'Không tìm thấy đơn vị' });
  });

  it('reports an unreachable server in Vietnamese', async () => {
    await i18n.changeLanguage('vi');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(getJson('/healthz')).rejects.toMatchObject({ status: 0, code: 'network', message: expect.stringMatching(/^Không kết nối được máy chủ/) });
  });
});
