// Turning a failed HTTP answer into one typed error, and choosing its message. Pure: no
// DOM, no Element Plus, so it is unit-tested alone.
import type { ErrorBody } from './types';
import type { Finding } from './staffing-types';

export type Language = 'zh-CN' | 'en';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly existingId: number | null;
  /** 429 login_locked: when the lock ends (ISO 8601). */
  readonly lockedUntil: string | null;
  /** 409 staffing_rule_broken: the broken rules. */
  readonly findings: Finding[];

  constructor(init: {
    status: number;
    code: string;
    field?: string | null;
    messageZh: string;
    messageEn: string;
    existingId?: number | null;
    lockedUntil?: string | null;
    findings?: Finding[];
  }) {
    super(init.messageEn);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field ?? null;
    this.messageZh = init.messageZh;
    this.messageEn = init.messageEn;
    this.existingId = init.existingId ?? null;
    this.lockedUntil = init.lockedUntil ?? null;
    this.findings = init.findings ?? [];
  }

  messageIn(language: Language): string {
    return language === 'en' ? this.messageEn : this.messageZh;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  const e = value.error;
  return typeof e.code === 'string' && typeof e.message === 'string';
}

const fallbackByStatus: Record<number, { code: string; zh: string; en: string }> = {
  400: { code: 'bad_request', zh: '请求格式有误', en: 'the request was malformed' },
  401: { code: 'not_authenticated', zh: '请先登录', en: 'please sign in' },
  403: { code: 'forbidden', zh: '没有权限执行此操作', en: 'you may not do this' },
  404: { code: 'not_found', zh: '未找到该记录', en: 'no such record' },
  409: { code: 'conflict', zh: '与已有数据冲突', en: 'conflicts with stored data' },
  413: { code: 'too_large', zh: '提交的内容过大', en: 'the request is too large' },
  422: { code: 'rule_broken', zh: '数据不符合规则', en: 'the data breaks a rule' },
};

/** Builds the ApiError for an answer with a non-2xx status and its parsed body (or null). */
export function toApiError(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const e = body.error;
    return new ApiError({
      status,
      code: e.code,
      field: typeof e.field === 'string' && e.field !== '' ? e.field : null,
      messageZh: e.message,
      messageEn: typeof e.message_en === 'string' && e.message_en !== '' ? e.message_en : e.message,
      existingId: typeof e.existing_id === 'number' ? e.existing_id : null,
      lockedUntil: typeof e.locked_until === 'string' ? e.locked_until : null,
      findings: Array.isArray(e.findings) ? e.findings : [],
    });
  }
  const fallback = fallbackByStatus[status] ?? {
    code: 'server_error',
    zh: `服务器暂时无法处理（${status}），请稍后再试`,
    en: `the server could not handle the request (${status}); please try again later`,
  };
  return new ApiError({ status, code: fallback.code, messageZh: fallback.zh, messageEn: fallback.en });
}

/** The error for a request that never got an answer (server down, network gone). */
export function networkError(): ApiError {
  return new ApiError({
    status: 0,
    code: 'network',
    messageZh: '无法连接服务器，请检查网络后重试',
    messageEn: 'cannot reach the server; check the network and try again',
  });
}

/** The error of a request she stopped herself (an upload cancelled or left): never shown. */
export function abortedError(): ApiError {
  return new ApiError({ status: 0, code: 'aborted', messageZh: '已取消', messageEn: 'cancelled' });
}

/**
 * Whether the pipeline should show this error itself: it does unless the caller said it
 * shows errors on the named fields of its form, and this error names one of them.
 */
export function shouldNotify(error: ApiError, fieldsHandled: readonly string[]): boolean {
  return error.field === null || !fieldsHandled.includes(error.field);
}
