import { describe, expect, it } from 'vitest';
import { REGISTER_BY_NAME } from './config';
import { formToPayload } from './payload';
import {
  countOf,
  groupedCount,
  newQuickActivity,
  quickActivityErrors,
  quickActivityFormValues,
  type QuickActivityMessages,
  type QuickActivityValues,
} from './quickActivity';

const TODAY = '2026-12-06';
const M: QuickActivityMessages = {
  unitRequired: 'unit',
  typeRequired: 'type',
  dateRequired: 'date',
  dateFormat: 'format',
  dateInFuture: 'future',
  titleRequired: 'title',
  organizersRequired: 'organizers',
  participantsTooMany: 'too many',
};

const filled = (over: Partial<QuickActivityValues> = {}): QuickActivityValues => ({
  ...newQuickActivity('21220-001', TODAY),
  type: 'propaganda',
  title: 'Tuyên truyền phòng chống lừa đảo qua mạng',
  organizers: ['police'],
  ...over,
});

describe('the quick activity form', () => {
  it('starts with the officer unit and today, nothing else chosen', () => {
    expect(newQuickActivity('21220-001', TODAY)).toEqual({
      unit: '21220-001',
      type: '',
      date: '06/12/2026',
      title: '',
      organizers: [],
      participants: '',
      photos: [],
    });
  });

  it('says what an empty form lacks, field by field, as the register form does', () => {
    expect(quickActivityErrors({ ...newQuickActivity(null, TODAY), date: '' }, TODAY, M)).toEqual({
      unit: 'unit',
      type: 'type',
      date: 'date',
      title: 'title',
      organizers: 'organizers',
    });
    expect(quickActivityErrors(filled(), TODAY, M)).toEqual({});
  });

  it('takes today and earlier days as Vietnamese write them, refuses a future day and what is not a day', () => {
    expect(quickActivityErrors(filled({ date: '05/12/2026' }), TODAY, M)).toEqual({});
    // a phone's number pad may have no slash
    expect(quickActivityErrors(filled({ date: '5-12-2026' }), TODAY, M)).toEqual({});
    expect(quickActivityErrors(filled({ date: '5.12.2026' }), TODAY, M)).toEqual({});
    expect(quickActivityErrors(filled({ date: '07/12/2026' }), TODAY, M)).toEqual({ date: 'future' });
    expect(quickActivityErrors(filled({ date: '31/11/2026' }), TODAY, M)).toEqual({ date: 'format' });
    expect(quickActivityErrors(filled({ date: '2026-12-05' }), TODAY, M)).toEqual({ date: 'format' });
    expect(quickActivityErrors(filled({ date: '  ' }), TODAY, M)).toEqual({ date: 'date' });
  });

  it('takes a title of spaces as empty', () => {
    expect(quickActivityErrors(filled({ title: '   \n ' }), TODAY, M)).toEqual({ title: 'title' });
  });

  it('groups the participants as they are typed and reads them back', () => {
    expect(groupedCount('1200')).toBe('1.200');
    expect(groupedCount('1.2005')).toBe('12.005');
    expect(groupedCount('45 người')).toBe('45');
    expect(groupedCount('007')).toBe('7');
    expect(groupedCount('0')).toBe('0');
    expect(groupedCount('')).toBe('');
    expect(countOf('16.000')).toBe(16000);
    expect(countOf('')).toBeNull();
    expect(countOf('-3')).toBeNaN();
    expect(quickActivityErrors(filled({ participants: '10.000.000' }), TODAY, M)).toEqual({});
    expect(quickActivityErrors(filled({ participants: '10.000.001' }), TODAY, M)).toEqual({ participants: 'too many' });
  });

  it('gives the API the body the register form would', () => {
    const cfg = REGISTER_BY_NAME.activities;
    const values = filled({ date: '5.12.2026', participants: '1.245', organizers: ['police', 'youth_union'] });
    expect(formToPayload(cfg, quickActivityFormValues(values))).toEqual({
      unit: '21220-001',
      type: 'propaganda',
      date: '2026-12-05',
      title: 'Tuyên truyền phòng chống lừa đảo qua mạng',
      organizers: ['police', 'youth_union'],
      participants: 1245,
    });
    // no participants typed: the field is left out, not sent as 0
    expect(formToPayload(cfg, quickActivityFormValues(filled()))).not.toHaveProperty('participants');
  });
});
