import { describe, expect, it } from 'vitest';
import { listQuery } from './listParams';

describe('listQuery', () => {
  it('leaves the empty filters out and adds the paging', () => {
    expect(listQuery({ year: '2026', status: '', target_kind: 'village' }, 2, 50)).toEqual({
      year: '2026',
      status: undefined,
      target_kind: 'village',
      page: 2,
      per_page: 50,
    });
  });

  it('keeps the order of the filters', () => {
    expect(Object.keys(listQuery({ actor: 'a', action: '', to: '2026-01-01' }, 1, 20))).toEqual([
      'actor',
      'action',
      'to',
      'page',
      'per_page',
    ]);
  });
});
