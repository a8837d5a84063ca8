import { afterEach, describe, expect, it, vi } from 'vitest';
import i18n from '../i18n';
import {
  ApiError,
  apiUrl,
  endsSession,
  errorFromResponse,
  getCsrfToken,
  getJson,
  isUnsafeMethod,
  onUnauthorized,
  parseRetryAfter,
  postJson,
  request,
  requestHeaders,
  setCsrfToken,
  setReauthenticator,
  uploadFile,
} from './client';

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
    expect(apiUrl('/api/v1/units/search', { q: 'sơn tịnh', limit: 20 })).toBe('/api/v1/units/search?q=s%C6%A1n+t%E1%BB%8Bnh&limit=20');
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
    await expect(getJson('/healthz')).rejects.toMatchObject({
      status: 0,
      code: 'network',
      message: expect.stringMatching(/^Không kết nối được máy chủ/),
    });
  });
});

describe('CSRF token', () => {
  afterEach(() => setCsrfToken(null));

  const headersOf = (fetchMock: ReturnType<typeof vi.fn>, call = 0) =>
    (fetchMock.mock.calls[call]?.[1] as RequestInit).headers as Record<string, string>;

  it('is sent on every unsafe method, with credentials of the same origin', async () => {
    setCsrfToken('tok-123');
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE', 'post']) {
      await request(method, '/api/v1/x', { body: { a: 1 } });
    }
    for (let i = 0; i < 5; i++) {
      expect(headersOf(fetchMock, i)['X-CSRF-Token']).toBe('tok-123');
      expect(headersOf(fetchMock, i)['Content-Type']).toBe('application/json');
      expect(fetchMock.mock.calls[i]?.[1]).toMatchObject({ credentials: 'same-origin' });
    }
    expect(fetchMock.mock.calls[0]?.[1]).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('is not sent on GET, nor when there is no session', async () => {
    const fetchMock = vi.fn(async (_url: string, _init?: RequestInit) => jsonResponse(200, { ok: true }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok-123');
    await getJson('/api/v1/users');
    expect(headersOf(fetchMock)['X-CSRF-Token']).toBeUndefined();
    setCsrfToken(null);
    await postJson('/api/v1/auth/login', { username: 'a', password: 'b' });
    expect(headersOf(fetchMock, 1)['X-CSRF-Token']).toBeUndefined();
    expect(getCsrfToken()).toBeNull();
  });

  it('tells which methods are unsafe', () => {
    expect(['GET', 'HEAD', 'OPTIONS'].map(isUnsafeMethod)).toEqual([false, false, false]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'delete'].map(isUnsafeMethod)).toEqual([true, true, true, true, true]);
    setCsrfToken('t');
    expect(requestHeaders('GET', false)).toEqual({ Accept: 'application/json' });
    expect(requestHeaders('DELETE', false)).toEqual({ Accept: 'application/json', 'X-CSRF-Token': 't' });
  });
});

describe('answers of the accounts API', () => {
  it('returns undefined for 204 No Content', async () => {
    vi.stubGlobal('fetch', async () => new Response(null, { status: 204 }));
    await expect(postJson('/api/v1/auth/logout')).resolves.toBeUndefined();
  });

  it('reads Retry-After of a lockout into seconds', async () => {
    vi.stubGlobal(
      'fetch',
      async () =>
        new Response(JSON.stringify({ error: { code: 'account_locked', message: 'Tài khoản tạm khóa' } }), {
          status: 429,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '900' },
        }),
    );
    await expect(postJson('/api/v1/auth/login', {})).rejects.toMatchObject({ status: 429, code: 'account_locked', retryAfter: 900 });
  });

  it('parses both forms of Retry-After', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2025-08-19T00:00:00Z');
    expect(parseRetryAfter('Tue, 19 Aug 2025 00:05:00 GMT', now)).toBe(300);
  });
});

describe('a 401 answer', () => {
  const answer401 = (code: string, field?: string) => async () => jsonResponse(401, { error: { code, message: 'x', field } });

  it('ends the session when it is about the session', async () => {
    const handler = vi.fn();
    const off = onUnauthorized(handler);
    vi.stubGlobal('fetch', answer401('unauthenticated'));
    await expect(getJson('/api/v1/users')).rejects.toMatchObject({ status: 401 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]?.[1]).toBe('/api/v1/users');
    off();
  });

  it('does not end it for a wrong password typed in a form, nor for the login itself', async () => {
    const handler = vi.fn();
    const off = onUnauthorized(handler);
    vi.stubGlobal('fetch', answer401('invalid_credentials', 'current_password'));
    await expect(postJson('/api/v1/auth/password', {})).rejects.toMatchObject({ field: 'current_password' });
    vi.stubGlobal('fetch', answer401('totp_required'));
    await expect(postJson('/api/v1/auth/login', {})).rejects.toMatchObject({ code: 'totp_required' });
    vi.stubGlobal('fetch', answer401('whatever'));
    await expect(postJson('/api/v1/auth/login', {}, { credentialCheck: true })).rejects.toMatchObject({ status: 401 });
    expect(handler).not.toHaveBeenCalled();
    off();
  });

  it('is told apart by endsSession()', () => {
    expect(endsSession(new ApiError(401, 'unauthenticated', 'x'))).toBe(true);
    expect(endsSession(new ApiError(401, 'session_expired', 'x'))).toBe(true);
    expect(endsSession(new ApiError(401, 'unauthenticated', 'x'), true)).toBe(false);
    expect(endsSession(new ApiError(401, 'invalid_credentials', 'x'))).toBe(false);
    expect(endsSession(new ApiError(401, 'x', 'x', 'password'))).toBe(false);
    expect(endsSession(new ApiError(403, 'forbidden', 'x'))).toBe(false);
  });
});

describe('uploadFile (the one upload client: registers, evaluations)', () => {
  afterEach(() => setCsrfToken(null));

  it('sends the file as the raw body with its type, the session cookie and the CSRF token', async () => {
    setCsrfToken('csrf-abc');
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => jsonResponse(201, { id: '7' }));
    vi.stubGlobal('fetch', fetchMock);
    const file = new Blob(['png-bytes'], { type: 'image/png' });
    await expect(uploadFile('/api/v1/evaluations/3/attachments', file, { criterion: 'c1' })).resolves.toEqual({ id: '7' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/evaluations/3/attachments?criterion=c1');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.credentials).toBe('same-origin');
    const headers = init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('csrf-abc');
    expect(headers['Content-Type']).toBe('image/png');
  });

  it('logs in again in place when the session expired, then sends the file once more', async () => {
    setCsrfToken('old');
    const answers = [
      jsonResponse(401, { error: { code: 'unauthorized', message: 'Phiên làm việc đã hết hạn' } }),
      jsonResponse(201, { id: '8' }),
    ];
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => answers.shift()!);
    vi.stubGlobal('fetch', fetchMock);
    const off = setReauthenticator(async () => {
      setCsrfToken('new');
      return true;
    });
    try {
      await expect(uploadFile('/api/v1/activities/5/attachments', new Blob(['x']))).resolves.toEqual({ id: '8' });
    } finally {
      off();
    }
    expect(fetchMock).toHaveBeenCalledTimes(2);
    const retried = fetchMock.mock.calls[1]![1].headers as Record<string, string>;
    expect(retried['X-CSRF-Token']).toBe('new');
    expect(retried['Content-Type']).toBe('application/octet-stream');
  });
});
