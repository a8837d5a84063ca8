import { describe, expect, it } from 'vitest';
import type { Unit } from '../api';
import type { T } from '../i18n';
import { EMPTY_DRAFT, draftBody, draftReducer, formField, hasErrors, validateDraft, withError, withoutError, type Draft, type DraftAction } from './draft';

// the key and its values, so that a test sees which text was chosen
const t = ((key: string, vars?: Record<string, string | number>) => (vars ? `${key} ${JSON.stringify(vars)}` : key)) as T;
const UNIT = { code: 'xa-son-tinh', full_name: 'Xã Sơn Tịnh' } as Unit;
const DESCRIPTION = 'Có người lạ thường xuyên tụ tập gây mất trật tự ở đầu thôn vào ban đêm.';
const apply = (...actions: DraftAction[]) => actions.reduce(draftReducer, EMPTY_DRAFT);
const valid = (over: Partial<Draft> = {}): Draft => ({ ...EMPTY_DRAFT, category: 'an_ninh', description: DESCRIPTION, ...over });

describe('the tip draft', () => {
  it('forgets a field’s error when the visitor changes that field, and only that error', () => {
    const start = apply({ errors: { category: 'x', description: 'y', occurred_at: 'z', place: 'p' } });
    expect(draftReducer(start, { category: 'a' }).errors).toEqual({ category: undefined, description: 'y', occurred_at: 'z', place: 'p' });
    expect(draftReducer(start, { occurredTime: '13:00' }).errors.occurred_at).toBeUndefined();
    expect(draftReducer(start, { occurredDate: '1/2/2026' }).errors.occurred_at).toBeUndefined();
    const placed = draftReducer(start, { place: 'Thôn 1' });
    expect(placed.place).toBe('Thôn 1');
    expect(placed.errors.place).toBeUndefined();
    expect(placed.errors.category).toBe('x');
  });

  it('keeps the same errors object when there was nothing to forget', () => {
    const start = apply({ errors: { category: 'x' } });
    expect(draftReducer(start, { description: 'abc' }).errors).toBe(start.errors);
    expect(draftReducer(start, { anonymous: false }).errors).toBe(start.errors);
    expect(draftReducer(start, withoutError('unit')).errors).toBe(start.errors);
  });

  it('sets the errors a change brings, whole', () => {
    const start = apply({ errors: { category: 'x', location: 'l' } });
    expect(draftReducer(start, { errors: { unit: 'u' } }).errors).toEqual({ unit: 'u' });
    expect(draftReducer(start, { category: 'a', errors: { description: 'd' } }).errors).toEqual({ description: 'd' });
  });

  it('forgets the reporter error on a name or phone, not on an e-mail or address', () => {
    const start = apply({ anonymous: false }, { errors: { reporter: 'r' } });
    const set = (d: Draft, field: keyof Draft['reporter'], value: string) => draftReducer(d, { reporter: { ...d.reporter, [field]: value } });
    expect(set(start, 'email', 'a@b.vn').errors.reporter).toBe('r');
    expect(set(start, 'address', 'Thôn 2').errors.reporter).toBe('r');
    expect(set(start, 'name', 'An').errors.reporter).toBeUndefined();
    const phoned = set(start, 'phone', '0912');
    expect(phoned.errors.reporter).toBeUndefined();
    expect(phoned.reporter).toEqual({ name: '', phone: '0912', email: '', address: '' });
  });

  it('sets and forgets one error against the draft as it is then', () => {
    const located = apply({ geo: { lat: 15.1, lng: 108.8, accuracy: 12 } }, { keepLocation: true }, { errors: { category: 'c' } });
    expect(located.geo).toEqual({ lat: 15.1, lng: 108.8, accuracy: 12 });
    expect(located.keepLocation).toBe(true);
    expect(draftReducer(located, { geo: null }).geo).toBeNull();
    const denied = draftReducer(located, withError('location', 'denied'));
    expect(denied.errors).toEqual({ category: 'c', location: 'denied' });
    expect(draftReducer(denied, withoutError('location')).errors).toEqual({ category: 'c', location: undefined });
    expect(draftReducer(denied, withError('files', 'too big')).errors).toEqual({ category: 'c', location: 'denied', files: 'too big' });
  });
});

describe('checking the draft before sending', () => {
  it('needs a unit, a category and a description long enough', () => {
    const e = validateDraft(EMPTY_DRAFT, null, t);
    expect(e.unit).toBe('submit.unit.required');
    expect(e.category).toBe('submit.category.required');
    expect(e.description).toMatch(/^submit\.description\.short /);
    expect(hasErrors(e)).toBe(true);
    expect(validateDraft(valid(), UNIT, t)).toEqual({});
    expect(hasErrors(validateDraft(valid(), UNIT, t))).toBe(false);
  });

  it('refuses a description over the limit', () => {
    expect(validateDraft(valid({ description: 'a'.repeat(5001) }), UNIT, t).description).toMatch(/^submit\.description\.long /);
  });

  it('checks the date and time, and refuses a moment in the future', () => {
    expect(validateDraft(valid({ occurredTime: '13:00' }), UNIT, t).occurred_at).toBe('submit.occurredAt.needsDate');
    expect(validateDraft(valid({ occurredDate: '32/13/2026' }), UNIT, t).occurred_at).toBe('submit.occurredAt.badDate');
    expect(validateDraft(valid({ occurredDate: '01/02/2026', occurredTime: '25:00' }), UNIT, t).occurred_at).toBe('submit.occurredAt.badTime');
    const now = Date.parse('2026-02-01T06:00:00Z'); // 13:00 in Vietnam
    expect(validateDraft(valid({ occurredDate: '01/02/2026', occurredTime: '13:04' }), UNIT, t, now).occurred_at).toBeUndefined();
    expect(validateDraft(valid({ occurredDate: '01/02/2026', occurredTime: '13:06' }), UNIT, t, now).occurred_at).toBe('submit.occurredAt.future');
  });

  it('needs a name or a phone number from a named reporter', () => {
    const named = valid({ anonymous: false });
    expect(validateDraft(named, UNIT, t).reporter).toBe('submit.reporter.required');
    expect(validateDraft({ ...named, reporter: { ...named.reporter, phone: ' 0912 ' } }, UNIT, t).reporter).toBeUndefined();
    expect(validateDraft({ ...named, reporter: { ...named.reporter, email: 'a@b.vn' } }, UNIT, t).reporter).toBe('submit.reporter.required');
  });
});

describe('the body sent for a draft', () => {
  it('trims the texts and leaves out what is empty', () => {
    expect(draftBody(valid({ description: `  ${DESCRIPTION}  `, place: '  ' }), UNIT)).toEqual({
      unit: 'xa-son-tinh',
      category: 'an_ninh',
      description: DESCRIPTION,
      anonymous: true,
    });
  });

  it('carries the moment in UTC, the place, and the position to six decimals', () => {
    const body = draftBody(valid({ occurredDate: '01/02/2026', occurredTime: '13:00', place: ' Thôn 1 ', geo: { lat: 15.12345678, lng: 108.87654321, accuracy: 5 } }), UNIT);
    expect(body.occurred_at).toBe('2026-02-01T06:00:00Z');
    expect(body.place).toBe('Thôn 1');
    expect(body.lat).toBe(15.123457);
    expect(body.lng).toBe(108.876543);
  });

  it('sends the named reporter’s filled fields only, and no reporter when anonymous', () => {
    const reporter = { name: ' An ', phone: '', email: 'an@x.vn', address: ' ' };
    expect(draftBody(valid({ anonymous: false, reporter }), UNIT).reporter).toEqual({ name: 'An', email: 'an@x.vn' });
    expect(draftBody(valid({ anonymous: true, reporter }), UNIT).reporter).toBeUndefined();
  });
});

describe('the form field of a server error', () => {
  it('maps the API fields to the form', () => {
    expect(formField(undefined)).toBeNull();
    expect(formField('lat')).toBe('location');
    expect(formField('lng')).toBe('location');
    expect(formField('reporter.phone')).toBe('reporter');
    expect(formField('occurred_at')).toBe('occurred_at');
    expect(formField('unit')).toBe('unit');
    expect(formField('attachments')).toBeNull();
  });
});
