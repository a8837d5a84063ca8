import { describe, expect, it } from 'vitest';
import vi from '../../i18n/vi.json';
import { candidateLabel, type Candidate } from './api';

const cadam: Candidate = { code: '21136', name: 'Cà Đam', full_name: 'Xã Cà Đam', relation: 'part', note: 'Nhập một phần' };
const relation = (r: string) => (vi.units.reform.relation as Record<string, string>)[r] ?? r;

describe('the reform queue', () => {
  it('names a candidate with its relation from the state table', () => {
    expect(candidateLabel(cadam, relation)).toBe('Xã Cà Đam (nhập một phần)');
  });
  it('names a commune the table does not list by itself', () => {
    expect(candidateLabel({ ...cadam, relation: '' }, relation)).toBe('Xã Cà Đam');
  });
  it('has a Vietnamese word for every relation of the table', () => {
    for (const r of ['whole', 'part', 'same', 'district_whole']) expect(relation(r)).not.toBe(r);
  });
});
