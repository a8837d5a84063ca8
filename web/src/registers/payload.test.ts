import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { RegisterRecord } from './api';
import { REGISTER_BY_NAME } from './config';
import {
  apiValue,
  filterKeys,
  formToPayload,
  identitySearchBody,
  listQuery,
  milestoneSummary,
  newFormValues,
  readableMessage,
  recordFormValues,
  revealedFields,
  shownInForm,
  todayVN,
  vnIso,
  vnWallClock,
} from './payload';

const activities = REGISTER_BY_NAME.activities;
const mediations = REGISTER_BY_NAME.mediations;
const patrols = REGISTER_BY_NAME.patrols;
const pledges = REGISTER_BY_NAME.pledges;
const models = REGISTER_BY_NAME.models;

const field = (cfg: typeof activities, name: string) => cfg.fields.find((f) => f.name === name)!;

describe('dates in Vietnam', () => {
  it('takes today from the Vietnam calendar, whatever the machine clock zone', () => {
    expect(todayVN(new Date('2026-11-21T16:59:00Z'))).toBe('2026-11-21');
    expect(todayVN(new Date('2026-11-21T17:00:00Z'))).toBe('2026-11-22');
  });

  it('shows an instant at its Vietnam wall-clock time and sends it back with +07:00', () => {
    const d = vnWallClock('2026-07-05T13:00:00.000Z')!;
    expect(d.format('DD/MM/YYYY HH:mm')).toBe('05/07/2026 20:00');
    expect(vnIso(d)).toBe('2026-07-05T20:00:00+07:00');
    expect(Date.parse(vnIso(d))).toBe(Date.parse('2026-07-05T13:00:00Z'));
    expect(vnWallClock('')).toBeNull();
    expect(vnWallClock('nonsense')).toBeNull();
  });
});

describe('apiValue', () => {
  it('converts each field type to what the API reads', () => {
    expect(apiValue(field(activities, 'title'), '  Phát động  ')).toBe('Phát động');
    expect(apiValue(field(activities, 'title'), '   ')).toBeNull();
    expect(apiValue(field(activities, 'date'), dayjs('2026-11-20'))).toBe('2026-11-20');
    expect(apiValue(field(activities, 'participants'), 16000)).toBe(16000);
    expect(apiValue(field(activities, 'participants'), '16.000')).toBe(16000);
    expect(apiValue(field(activities, 'participants'), null)).toBeNull();
    expect(apiValue(field(activities, 'organizers'), ['police', 'front', 'police', ''])).toEqual(['police', 'front']);
    expect(apiValue(field(activities, 'organizers'), undefined)).toEqual([]);
    expect(apiValue(field(activities, 'program_id'), '12')).toBe('12');
    expect(apiValue(field(activities, 'program_id'), 12)).toBe(12);
    expect(apiValue(field(activities, 'program_id'), 'x')).toBeNull();
    expect(apiValue(field(patrols, 'started_at'), dayjs('2026-11-20T19:30'))).toBe('2026-11-20T19:30:00+07:00');
  });

  it('keeps the named parties, drops empty rows and empty keys', () => {
    const parties = field(mediations, 'parties');
    expect(
      apiValue(parties, [
        { name: ' Nguyễn Văn A ', birth_year: 1970, address: '' },
        { name: '', birth_year: null, address: '' },
        { name: 'Trần Thị B', birth_year: '1982', address: 'Thôn Trường Thọ' },
      ]),
    ).toEqual([
      { name: 'Nguyễn Văn A', birth_year: 1970 },
      { name: 'Trần Thị B', birth_year: 1982, address: 'Thôn Trường Thọ' },
    ]);
  });
});

describe('newFormValues', () => {
  it('starts with the unit, today in the register date, defaults of the choices', () => {
    const v = newFormValues(activities, { unit: '21220-001', today: '2026-11-22' });
    expect(v.unit).toBe('21220-001');
    expect((v.date as dayjs.Dayjs).format('YYYY-MM-DD')).toBe('2026-11-22');
    expect(v.organizers).toEqual([]);
    expect(v.title).toBeUndefined();

    const o = newFormValues(REGISTER_BY_NAME.opinions, { today: '2026-11-22' });
    expect(o.source).toBe('conference');
    expect(o.status).toBe('received');
    expect(o.unit).toBeNull();

    expect(newFormValues(pledges, { today: '2026-11-22' }).year).toBe(2026);
    expect(newFormValues(mediations, { today: '2026-11-22' }).parties).toEqual([{ name: '', birth_year: null, address: '' }]);
  });
});

describe('formToPayload: a new record', () => {
  it('sends the unit and every field with a value, nothing empty', () => {
    const values = {
      ...newFormValues(activities, { unit: '21220-001', today: '2026-11-22' }),
      type: 'campaign_launch',
      title: 'Phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026',
      organizers: ['police', 'front'],
      participants: 120,
      notes: '',
    };
    expect(formToPayload(activities, values)).toEqual({
      unit: '21220-001',
      type: 'campaign_launch',
      date: '2026-11-22',
      title: 'Phát động phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026',
      organizers: ['police', 'front'],
      participants: 120,
    });
  });

  it('sends only the fields of a smaller form (the quick form)', () => {
    expect(formToPayload(activities, { unit: '21220-002', type: 'propaganda', title: 'Loa', organizers: ['police'] })).toEqual({
      unit: '21220-002',
      type: 'propaganda',
      title: 'Loa',
      organizers: ['police'],
    });
  });

  it('sends a mediation with its parties', () => {
    const values = {
      ...newFormValues(mediations, { unit: '21220-003', today: '2026-11-10' }),
      dispute_type: 'land',
      outcome: 'pending',
      parties: [
        { name: 'Hộ ông A', birth_year: 1960, address: '' },
        { name: 'Hộ bà B', birth_year: null, address: 'Thôn 3' },
      ],
    };
    expect(formToPayload(mediations, values)).toEqual({
      unit: '21220-003',
      received_on: '2026-11-10',
      dispute_type: 'land',
      parties: [
        { name: 'Hộ ông A', birth_year: 1960 },
        { name: 'Hộ bà B', address: 'Thôn 3' },
      ],
      outcome: 'pending',
    });
  });
});

describe('formToPayload: an edit', () => {
  const stored: RegisterRecord = {
    id: '7',
    unit: { code: '21220-003', name: 'Thôn 3' },
    received_on: '2026-11-10',
    dispute_type: 'land',
    parties_count: 2,
    parties: [
      { name: 'Hộ ông A', birth_year: 1960 },
      { name: 'Hộ bà B', address: 'Thôn 3' },
    ],
    outcome: 'pending',
    mediators: 'Tổ hòa giải',
    content: 'Lối đi chung',
    agreement: '',
    closed_on: null,
  };

  it('sends nothing when nothing changed (null)', () => {
    expect(formToPayload(mediations, recordFormValues(mediations, stored), stored)).toBeNull();
  });

  it('sends only what changed', () => {
    const v = {
      ...recordFormValues(mediations, stored),
      outcome: 'successful',
      closed_on: dayjs('2026-11-20'),
      agreement: 'Hai bên thống nhất',
    };
    expect(formToPayload(mediations, v, stored)).toEqual({
      outcome: 'successful',
      closed_on: '2026-11-20',
      agreement: 'Hai bên thống nhất',
    });
  });

  it('clears an emptied optional field with null, and moves the record to another unit', () => {
    const v = { ...recordFormValues(mediations, stored), mediators: '  ', unit: '21220-004' };
    expect(formToPayload(mediations, v, stored)).toEqual({ unit: '21220-004', mediators: null });
  });

  it('sends the parties only when a list row (without them) gets new ones typed in', () => {
    const listRow: RegisterRecord = { ...stored };
    delete listRow.parties;
    const v = recordFormValues(mediations, listRow);
    expect('parties' in v).toBe(false);
    expect(formToPayload(mediations, { ...v, outcome: 'unsuccessful' }, listRow)).toEqual({ outcome: 'unsuccessful' });
  });

  it('sends 0 for an emptied count, [] for an emptied list, and compares instants, not their spelling', () => {
    const a: RegisterRecord = {
      id: 3,
      unit: { code: '21220', name: 'Sơn Tịnh' },
      type: 'training',
      date: '2026-06-01',
      title: 'Tập huấn',
      organizers: ['police'],
      audience: ['youth_union'],
      topics: [],
      participants: 40,
      quantity: 0,
      program_id: null,
      notes: '',
    };
    const v = { ...recordFormValues(activities, a), participants: null, audience: [] };
    expect(formToPayload(activities, v, a)).toEqual({ participants: 0, audience: [] });

    const p: RegisterRecord = {
      id: '4',
      unit: { code: '21220-002', name: 'Thôn 2' },
      team_id: '10',
      started_at: '2026-07-05T13:00:00.000Z',
      ended_at: null,
      route: 'Xóm dưới',
      participants: 5,
      incidents: 0,
      notes: '',
    };
    const pv = recordFormValues(patrols, p);
    expect(formToPayload(patrols, pv, p)).toBeNull();
    expect(formToPayload(patrols, { ...pv, ended_at: dayjs('2026-07-05T22:30') }, p)).toEqual({ ended_at: '2026-07-05T22:30:00+07:00' });
  });

  it('round-trips a model through the form', () => {
    const m: RegisterRecord = {
      id: '6',
      unit: { code: '21220', name: 'Sơn Tịnh' },
      name: 'Camera an ninh',
      kind: 'model',
      field: 'camera',
      started_on: '2025-05-01',
      ended_on: null,
      description: '',
    };
    const v = recordFormValues(models, m);
    expect((v.started_on as dayjs.Dayjs).format('DD/MM/YYYY')).toBe('01/05/2025');
    expect(v.ended_on).toBeNull();
    expect(formToPayload(models, v, m)).toBeNull();
    expect(formToPayload(models, { ...v, ended_on: dayjs('2026-01-31') }, m)).toEqual({ ended_on: '2026-01-31' });
  });
});

describe('list query', () => {
  it('keeps the register filters, the unit subtree, dates, search and paging', () => {
    const filters = { q: 'ma tuy', from: '2026-01-01', to: '2026-06-30', type: 'propaganda', organizers: 'police', outcome: 'x' };
    expect(listQuery(activities, filters, '21220', 2, 50)).toEqual({
      unit: '21220',
      from: '2026-01-01',
      to: '2026-06-30',
      q: 'ma tuy',
      type: 'propaganda',
      organizers: 'police',
      page: 2,
      per_page: 50,
    });
    // pledges have no date field: no from/to
    expect(listQuery(pledges, { from: '2026-01-01', year: '2026' }, null)).toEqual({ year: '2026' });
    expect(filterKeys(pledges)).toEqual(['q', 'pledger_kind', 'year', 'result']);
    expect(filterKeys(mediations)).toEqual(['q', 'from', 'to', 'dispute_type', 'outcome']);
  });
});

describe('readableMessage', () => {
  it('names the field by its label instead of its API name', () => {
    const vi = (f: { label: { vi: string } }) => f.label.vi;
    expect(readableMessage(activities, "Trường 'date' không thể là ngày trong tương lai.", vi)).toBe(
      'Trường “Ngày” không thể là ngày trong tương lai.',
    );
    expect(readableMessage(mediations, "Trường 'closed_on' không thể trước 'received_on'.", vi)).toBe(
      'Trường “Ngày kết thúc” không thể trước “Ngày nhận”.',
    );
    expect(readableMessage(activities, "Mã 'nope' của trường 'type' không có trong danh mục.", vi)).toBe(
      "Mã 'nope' của trường “Loại hoạt động” không có trong danh mục.",
    );
    expect(readableMessage(activities, "Thiếu trường bắt buộc 'unit'.", vi)).toBe('Thiếu trường bắt buộc “Đơn vị”.');
  });
});

describe('reintegration: sealed identity', () => {
  const people = REGISTER_BY_NAME.reintegration;
  const stored: RegisterRecord = {
    id: '7',
    ref: 'HN-000007',
    unit: { code: '21220-001', name: 'Thôn Trường Thọ' },
    category: 'post_rehab',
    start_date: '2026-03-01',
    helper_organisation: 'Đoàn Thanh niên',
    helper_officer: null,
    status: 'active',
    status_since: '2026-03-01',
    identity_visible: false,
  };

  it('keeps sealed fields and the status out of the form of a record whose identity is hidden', () => {
    const v = recordFormValues(people, stored);
    expect(Object.keys(v).sort()).toEqual(['category', 'helper_officer', 'helper_organisation', 'start_date', 'unit'].sort());
    const shown = people.fields.filter((f) => shownInForm(people, f, stored)).map((f) => f.name);
    expect(shown).not.toContain('name');
    expect(shown).not.toContain('status');
    expect(shownInForm(people, field(people, 'name'), { ...stored, identity_visible: true })).toBe(true);
    expect(people.fields.every((f) => shownInForm(people, f, null))).toBe(true);
  });

  it('sends a sealed field only when something was typed into it', () => {
    const v = { ...recordFormValues(people, stored), helper_organisation: 'Hội Phụ nữ' };
    expect(formToPayload(people, v, stored)).toEqual({ helper_organisation: 'Hội Phụ nữ' });
    expect(formToPayload(people, { ...v, address: ' Thôn Phú Thọ ' }, stored)).toEqual({
      helper_organisation: 'Hội Phụ nữ',
      address: 'Thôn Phú Thọ',
    });
    expect(formToPayload(people, { ...v, address: '' }, stored)).toEqual({ helper_organisation: 'Hội Phụ nữ' });
  });

  it('creates a person with the identity and the status default', () => {
    const v = {
      ...newFormValues(people, { unit: '21220-001', today: '2026-11-22' }),
      category: 'released_prisoner',
      name: ' Nguyễn Văn Bình ',
      birth_year: 1990,
      id_number: '051090001234',
    };
    expect(formToPayload(people, v)).toEqual({
      unit: '21220-001',
      category: 'released_prisoner',
      name: 'Nguyễn Văn Bình',
      birth_year: 1990,
      id_number: '051090001234',
      start_date: '2026-11-22',
      status: 'active',
    });
  });

  it('puts the search terms in a body, trimmed, ID digits only', () => {
    expect(identitySearchBody({ name: '  Nguyễn   Văn Bình ', id_number: '' }, '21220')).toEqual({
      name: 'Nguyễn Văn Bình',
      unit: '21220',
    });
    expect(identitySearchBody({ id_number: ' 051 090.001-234 ' }, null)).toEqual({ id_number: '051090001234' });
    expect(identitySearchBody({ name: '  ', id_number: '' }, '21220')).toBeNull();
  });

  it('reads the revealed fields at the top level or nested', () => {
    expect(revealedFields(people, { name: 'Nguyễn Văn Bình', birth_year: 1990, sessions: [], category: 'x' })).toEqual({
      name: 'Nguyễn Văn Bình',
      birth_year: 1990,
    });
    expect(revealedFields(people, { identity: { name: 'B', address: 'Thôn 1' } })).toEqual({ name: 'B', address: 'Thôn 1' });
    expect(revealedFields(people, null)).toEqual({});
  });
});

describe('hotspots: milestones', () => {
  const hotspots = REGISTER_BY_NAME.hotspots;
  const milestones = field(hotspots, 'milestones');

  it('sends milestones with dates, drops empty rows and empty keys', () => {
    expect(
      apiValue(milestones, [
        { title: ' Lắp camera ', due_on: dayjs('2026-12-01'), done_on: null },
        { title: '', due_on: null, done_on: null },
        { title: 'Họp dân', due_on: '2026-10-01', done_on: dayjs('2026-10-03') },
      ]),
    ).toEqual([
      { title: 'Lắp camera', due_on: '2026-12-01' },
      { title: 'Họp dân', due_on: '2026-10-01', done_on: '2026-10-03' },
    ]);
  });

  it('shows stored milestones with day pickers and sends nothing when unchanged', () => {
    const stored: RegisterRecord = {
      id: '3',
      unit: { code: '21220-001', name: 'Thôn Trường Thọ' },
      name: 'Bãi sông thôn 3',
      problem_types: ['drugs'],
      designated_on: '2026-01-10',
      milestones: [{ title: 'Lắp camera', due_on: '2026-12-01', done_on: null }],
      status: 'transforming',
    };
    const v = recordFormValues(hotspots, stored);
    const rows = v.milestones as Record<string, unknown>[];
    expect((rows[0]!.due_on as dayjs.Dayjs).format('DD/MM/YYYY')).toBe('01/12/2026');
    expect(rows[0]!.done_on).toBeNull();
    expect(formToPayload(hotspots, v, stored)).toBeNull();
    rows[0]!.done_on = dayjs('2026-11-20');
    expect(formToPayload(hotspots, v, stored)).toEqual({
      milestones: [{ title: 'Lắp camera', due_on: '2026-12-01', done_on: '2026-11-20' }],
    });
    expect(newFormValues(hotspots, { today: '2026-11-22' }).milestones).toEqual([]);
  });

  it('summarises done and late milestones', () => {
    const list = [
      { title: 'a', due_on: '2026-10-01', done_on: '2026-10-03' },
      { title: 'b', due_on: '2026-11-01' },
      { title: 'c', due_on: '2026-12-01' },
    ];
    expect(milestoneSummary(list, '2026-11-22')).toEqual({ done: 1, total: 3, late: 1 });
    expect(milestoneSummary(undefined, '2026-11-22')).toEqual({ done: 0, total: 0, late: 0 });
  });
});
