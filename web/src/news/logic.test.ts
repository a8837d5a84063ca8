import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { NewsChannel, NewsPost } from './api';
import {
  apiTime,
  channelMode,
  channelOptions,
  deliveryProgress,
  emptyCompose,
  historyNewestFirst,
  keptChannels,
  postActions,
  postToValues,
  recipientsQueryKey,
  recipientsSummary,
  timesProblem,
  valuesToPayload,
} from './logic';

const ZALO: NewsChannel = {
  id: '3',
  name: 'Zalo thôn Trường Thọ',
  platform: 'zalo',
  members: 1234,
  unit: { code: '21220-001', full_name: 'Thôn Trường Thọ, Xã Sơn Tịnh' },
  connected: true,
};
const FACEBOOK: NewsChannel = { id: '4', name: 'Facebook xã', platform: 'facebook', members: null, connected: true };

const POST: NewsPost = {
  id: '7',
  kind: 'warning',
  title: 'Cảnh báo lừa đảo',
  summary: 'Không chuyển tiền.',
  body: 'Đối tượng **giả danh** Công an.',
  body_html: '<p>Đối tượng <strong>giả danh</strong> Công an.</p>',
  status: 'draft',
  scheduled: false,
  priority: 1,
  topics: [],
  target_units: [{ code: '21220', name: 'Sơn Tịnh', full_name: 'Xã Sơn Tịnh' }],
  unit: { code: '21220', name: 'Sơn Tịnh' },
  author: 'ca.sontinh',
  publish_at: '2026-05-02T01:30:00Z',
  published_at: null,
  expires_at: null,
  withdrawn_at: null,
  created_at: '2026-05-01T01:00:00Z',
  updated_at: '2026-05-01T01:00:00Z',
  version: 1,
};

describe('the compose form and the API', () => {
  it('starts a post as news for the own unit', () => {
    expect(emptyCompose('21220')).toMatchObject({ kind: 'news', target_units: ['21220'], channels: [], title: '', publish_at: null });
    expect(emptyCompose(null).target_units).toEqual([]);
  });

  it('reads Vietnam wall-clock times and sends UTC instants', () => {
    // 08:30 in Vietnam is 01:30 UTC, whatever the browser's time zone
    const v = postToValues(POST);
    expect(v.publish_at?.format('DD/MM/YYYY HH:mm')).toBe('02/05/2026 08:30');
    expect(apiTime(v.publish_at)).toBe('2026-05-02T01:30:00Z');
    expect(apiTime(dayjs(new Date(2026, 11, 31, 23, 59, 45)))).toBe('2026-12-31T16:59:00Z');
    expect(apiTime(null)).toBeNull();
    expect(apiTime(dayjs('nonsense'))).toBeNull();
  });

  it('creates with every field, leaving out the empty optional ones', () => {
    const v = { ...emptyCompose('21220'), title: '  Tin mới ', body: 'Nội dung\n\n', summary: ' ' };
    expect(valuesToPayload(v)).toEqual({ kind: 'news', title: 'Tin mới', body: 'Nội dung', target_units: ['21220'] });
    const w = { ...v, kind: 'warning' as const, priority: 1, target_units: ['21220', '21220-001', '21220'] };
    expect(valuesToPayload(w)).toMatchObject({ kind: 'warning', priority: 1, target_units: ['21220', '21220-001'] });
    expect(valuesToPayload({ ...v, channels: ['3', '4', '3'] }).channels).toEqual(['3', '4']);
  });

  it('edits with only what changed, null emptying a field', () => {
    const v = postToValues(POST);
    expect(valuesToPayload(v, POST)).toEqual({});
    expect(valuesToPayload({ ...v, title: 'Cảnh báo mới' }, POST)).toEqual({ title: 'Cảnh báo mới' });
    expect(valuesToPayload({ ...v, summary: '' }, POST)).toEqual({ summary: null });
    expect(valuesToPayload({ ...v, publish_at: null }, POST)).toEqual({ publish_at: null });
    expect(valuesToPayload({ ...v, target_units: ['21220-001', '21220'] }, POST)).toEqual({ target_units: ['21220-001', '21220'] });
    // the same units in another order change nothing
    const two = { ...POST, target_units: [...POST.target_units, { code: '21220-001', name: 'Trường Thọ' }] };
    expect(valuesToPayload({ ...v, target_units: ['21220-001', '21220'] }, two)).toEqual({});
    // news has no priority
    expect(valuesToPayload({ ...v, kind: 'news' }, POST)).toEqual({ kind: 'news', priority: null });
  });

  it('sends the groups when they change, never once published', () => {
    const withGroups = { ...POST, channels: [ZALO, FACEBOOK] };
    const v = postToValues(withGroups);
    expect(v.channels).toEqual(['3', '4']);
    expect(valuesToPayload({ ...v, channels: ['4', '3'] }, withGroups)).toEqual({});
    expect(valuesToPayload({ ...v, channels: ['4'] }, withGroups)).toEqual({ channels: ['4'] });
    expect(valuesToPayload({ ...v, channels: [] }, withGroups)).toEqual({ channels: [] });
    expect(valuesToPayload({ ...postToValues(POST), channels: ['3'] }, POST)).toEqual({ channels: ['3'] });
    const published = { ...withGroups, status: 'published' };
    expect(valuesToPayload({ ...v, channels: [] }, published)).toEqual({});
  });

  it('wants the expiry after the publication and in the future', () => {
    const now = new Date('2026-05-01T00:00:00Z');
    const at = (s: string) => dayjs(s);
    expect(timesProblem({ publish_at: null, expires_at: null }, now)).toBeNull();
    expect(timesProblem({ publish_at: at('2026-05-03T10:00'), expires_at: at('2026-05-03T09:00') }, now)).toBe('expiresBeforePublish');
    expect(timesProblem({ publish_at: null, expires_at: at('2026-04-30T10:00') }, now)).toBe('expiresPast');
    expect(timesProblem({ publish_at: at('2026-05-03T10:00'), expires_at: at('2026-05-04T10:00') }, now)).toBeNull();
  });
});

describe('what a post allows', () => {
  const writer = { write: true, approve: false };
  const approver = { write: false, approve: true };
  it('follows its status and the user', () => {
    expect(postActions({ status: 'draft' }, writer)).toEqual({ edit: true, publish: true, withdraw: false, delete: true });
    expect(postActions({ status: 'pending' }, writer)).toEqual({ edit: true, publish: false, withdraw: false, delete: true });
    expect(postActions({ status: 'pending' }, approver)).toEqual({ edit: false, publish: true, withdraw: false, delete: false });
    expect(postActions({ status: 'published' }, writer)).toEqual({ edit: true, publish: false, withdraw: true, delete: false });
    expect(postActions({ status: 'withdrawn' }, { write: true, approve: true })).toEqual({
      edit: false,
      publish: false,
      withdraw: false,
      delete: false,
    });
  });
});

describe('figures', () => {
  it('count the recipients: the subscribers and the chosen groups', () => {
    expect(recipientsSummary(null)).toEqual({ subscribers: 0, groups: 0, members: 0 });
    const r = { subscribers: 12, total: 12, channels: [ZALO, FACEBOOK] };
    expect(recipientsSummary(r)).toEqual({ subscribers: 12, groups: 0, members: 0 });
    expect(recipientsSummary(r, ['3', '4'])).toEqual({ subscribers: 12, groups: 2, members: 1234 });
    // a group listed twice (for a village and its commune) counts once
    expect(recipientsSummary({ ...r, channels: [ZALO, ZALO] }, ['3'])).toEqual({ subscribers: 12, groups: 1, members: 1234 });
    // a saved group outside the areas still counts; an unknown id does not
    const other = { ...ZALO, id: 9, members: 6 };
    expect(recipientsSummary(r, ['3', '9', '77'], [other])).toEqual({ subscribers: 12, groups: 2, members: 1240 });
    expect(recipientsQueryKey(['b', 'a', 'b'])).toBe('a,b');
    expect(recipientsQueryKey([])).toBe('');
  });

  it('offer the groups of the areas, then the saved ones, and drop the others', () => {
    const other = { ...FACEBOOK, id: 9 };
    expect(channelOptions([ZALO, FACEBOOK, ZALO], [ZALO, other]).map((c) => c.id)).toEqual(['3', '4', 9]);
    expect(channelOptions(undefined, null)).toEqual([]);
    expect(keptChannels(['3', '9', '4'], [ZALO, other])).toEqual(['3', '9']);
    expect(channelMode(ZALO)).toBe('auto');
    expect(channelMode({ ...ZALO, connected: false })).toBe('manual');
    // no Facebook connector: always by hand
    expect(channelMode(FACEBOOK)).toBe('manual');
  });

  it('measure the delivery', () => {
    expect(deliveryProgress(null)).toEqual({ done: 0, total: 0, percent: 0 });
    expect(deliveryProgress({ queued: 1, sent: 2, failed: 0, bounced: 0, held: 0, skipped: 5 })).toEqual({
      done: 2,
      total: 3,
      percent: 66,
    });
  });

  it('list the versions newest first', () => {
    const v = (version: number) => ({ version, at: '', by: null, title: '', summary: null, body: '' });
    expect(historyNewestFirst([v(1), v(3), v(2)]).map((x) => x.version)).toEqual([3, 2, 1]);
    expect(historyNewestFirst(undefined)).toEqual([]);
  });
});
