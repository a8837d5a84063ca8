import { describe, expect, it } from 'vitest';
import { ApiError } from '../api';
import { showFieldError } from './forms';

describe('showFieldError', () => {
  it("puts the server's message next to the field it names", () => {
    const calls: unknown[] = [];
    const form = { setFields: (f: unknown) => calls.push(f) };
    const err = new ApiError(400, 'validation_failed', 'Mật khẩu quá phổ biến', 'new_password');
    expect(showFieldError(form, err, ['current_password', 'new_password'])).toBe(true);
    expect(calls).toEqual([[{ name: 'new_password', errors: ['Mật khẩu quá phổ biến'] }]]);
  });

  it('leaves errors about other things to the page', () => {
    const form = { setFields: () => undefined };
    expect(showFieldError(form, new ApiError(400, 'x', 'y', 'other'), ['password'])).toBe(false);
    expect(showFieldError(form, new ApiError(422, 'x', 'y'), ['password'])).toBe(false);
    expect(showFieldError(form, new Error('z'), ['password'])).toBe(false);
  });
});
