import { describe, expect, it } from 'vitest';
import { ApiError, networkError, shouldNotify, toApiError } from './errors';
import { buildUrl } from './http';

describe('toApiError', () => {
  it('reads the contract error body', () => {
    const e = toApiError(409, {
      error: { code: 'person_exists', field: 'id_number', message: '该身份证号已登记', message_en: 'already registered', existing_id: 123 },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 409, code: 'person_exists', field: 'id_number', existingId: 123 });
    expect(e.messageIn('zh-CN')).toBe('该身份证号已登记');
    expect(e.messageIn('en')).toBe('already registered');
  });

  it('treats a null field as no field and falls back to Chinese without message_en', () => {
    const e = toApiError(422, { error: { code: 'x', field: null, message: '中文' } });
    expect(e.field).toBeNull();
    expect(e.existingId).toBeNull();
    expect(e.messageIn('en')).toBe('中文');
  });

  it('makes a readable error from a body that is not the contract shape', () => {
    expect(toApiError(404, null)).toMatchObject({ code: 'not_found', field: null });
    expect(toApiError(502, '<html>').code).toBe('server_error');
    expect(toApiError(500, { error: 'boom' }).messageIn('zh-CN')).toContain('500');
  });

  it('has a network error', () => {
    expect(networkError()).toMatchObject({ status: 0, code: 'network' });
  });
});

describe('shouldNotify', () => {
  const fieldError = toApiError(422, { error: { code: 'c', field: 'mobile', message: 'm', message_en: 'm' } });
  const plainError = toApiError(422, { error: { code: 'c', field: null, message: 'm', message_en: 'm' } });

  it('leaves errors on handled fields to the form', () => {
    expect(shouldNotify(fieldError, ['mobile', 'name'])).toBe(false);
  });

  it('shows errors on other fields or without a field', () => {
    expect(shouldNotify(fieldError, ['name'])).toBe(true);
    expect(shouldNotify(fieldError, [])).toBe(true);
    expect(shouldNotify(plainError, ['mobile'])).toBe(true);
  });
});

describe('buildUrl', () => {
  it('prefixes /api and drops empty query values', () => {
    expect(buildUrl('/organisations', { parent_id: 3, include_closed: undefined, q: '' })).toBe('/api/organisations?parent_id=3');
    expect(buildUrl('/organisations/search', { q: '新农 镇' })).toBe('/api/organisations/search?q=%E6%96%B0%E5%86%9C+%E9%95%87');
  });
});
