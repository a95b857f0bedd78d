// Every error is JSON: `{ error: { code, zh, en, problems? } }`. Bad input names each field in
// Chinese and English; a 5xx says only that something failed, with the request id to find it in
// the log, never the internals.

import type { FastifyError, FastifyInstance } from 'fastify';
import { NAME_PATTERN, nameMessage } from '../domain/names.ts';
import type { Problem } from '../domain/problems.ts';
import { zhPunct } from '../domain/zh-punct.ts';
import { capText } from '../store/denials.ts';
import { StoreError } from '../store/errors.ts';
import { TooManyAttempts } from '../store/login.ts';
import { UNAVAILABLE_MESSAGE, unavailability } from '../store/unavailable.ts';

export interface ErrorBody {
  error: {
    code: string;
    zh: string;
    en: string;
    problems?: Problem[];
    problem_count?: number;
    request_id?: string;
  };
}

/** An answer lists at most this many problems, and says how many there are in all. */
export const PROBLEMS_SHOWN = 1000;

export function cappedProblems(
  problems: Problem[],
  total = problems.length,
): Pick<ErrorBody['error'], 'problems' | 'problem_count'> {
  if (problems.length === 0) return {};
  if (problems.length <= PROBLEMS_SHOWN && total === problems.length) return { problems };
  return { problems: problems.slice(0, PROBLEMS_SHOWN), problem_count: total };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(en);
    this.zh = zhPunct(zh);
  }
}

export const unauthorized = () => new HttpError(401, 'unauthorized', '请先登录', 'sign in first');
export const forbidden = () => new HttpError(403, 'forbidden', '无权进行此操作', 'you may not do this');

const STATUS: Record<StoreError['kind'], number> = {
  not_found: 404,
  conflict: 409,
  invalid: 422,
  forbidden: 403,
  too_large: 413,
};

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** An AJV error as a problem: the field's path and what is wrong with it, in both languages. */
export function problemOf(e: AjvError, where: string): Problem {
  const base = e.instancePath
    .replace(/^\//, '')
    .replace(/\/(\d+)/g, '[$1]')
    .replace(/\//g, '.');
  const field = (k: string) => (base ? `${base}.${k}` : k);
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return {
        path: field(String(p.missingProperty)),
        code: 'required',
        zh: '缺少必填字段',
        en: 'is required',
      };
    case 'additionalProperties':
      return {
        path: field(String(p.additionalProperty)),
        code: 'unknown_field',
        zh: '未知字段',
        en: 'unknown field',
      };
    case 'type':
      return { path: base || where, code: 'type', zh: `类型应为 ${p.type}`, en: `must be of type ${p.type}` };
    case 'enum':
      return {
        path: base || where,
        code: 'enum',
        zh: `应为：${(p.allowedValues as unknown[]).join('、')}`,
        en: `must be one of: ${(p.allowedValues as unknown[]).join(', ')}`,
      };
    case 'pattern':
      if (p.pattern === NAME_PATTERN) {
        const m = nameMessage('');
        return { path: base || where, code: 'bad_character', zh: m.zh, en: m.en };
      }
      return {
        path: base || where,
        code: 'format',
        zh: '格式不对',
        en: 'does not match the format',
      };
    case 'format':
      return {
        path: base || where,
        code: 'format',
        zh: '格式不对',
        en: `does not match the format${p.format ? ` ${p.format}` : ''}`,
      };
    case 'minimum':
    case 'maximum':
      return {
        path: base || where,
        code: 'range',
        zh: `应${e.keyword === 'minimum' ? '不小于' : '不大于'} ${p.limit}`,
        en: `must be ${e.keyword === 'minimum' ? '≥' : '≤'} ${p.limit}`,
      };
    case 'minLength':
      return { path: base || where, code: 'required', zh: '不能为空', en: 'must not be empty' };
    case 'maxLength':
      return {
        path: base || where,
        code: 'too_long',
        zh: `最多 ${p.limit} 个字符`,
        en: `must be at most ${p.limit} characters`,
      };
    default:
      return {
        path: base || where,
        code: e.keyword,
        zh: `不符合要求（${e.keyword}）`,
        en: e.message ?? e.keyword,
      };
  }
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const send = (status: number, body: ErrorBody['error']) =>
      reply.status(status).send({ error: body } satisfies ErrorBody);
    if (err instanceof TooManyAttempts) {
      reply.header('retry-after', String(err.retryAfterSeconds));
      return send(429, { code: 'too_many_attempts', zh: err.zh, en: err.en });
    }
    if (err instanceof StoreError) {
      const code = err.kind === 'invalid' && err.problems.length === 0 ? 'invalid' : err.kind;
      // A large case validated in a worker brings back the first problems and their count.
      const total = (err as { problemCount?: number }).problemCount;
      return send(STATUS[err.kind], { code, zh: err.zh, en: err.en, ...cappedProblems(err.problems, total) });
    }
    if (err instanceof HttpError) return send(err.status, { code: err.code, zh: err.zh, en: err.en });
    if (err.validation) {
      const problems = (err.validation as AjvError[]).map((e) =>
        problemOf(e, err.validationContext ?? 'body'),
      );
      return send(400, {
        code: 'bad_request',
        zh: `请求有 ${problems.length} 处问题`,
        en: `the request has ${problems.length} problem(s)`,
        ...cappedProblems(problems),
      });
    }
    if (err.statusCode && err.statusCode < 500) {
      const zh =
        err.statusCode === 415 ? '不支持的内容类型' : err.statusCode === 413 ? '请求体过大' : '请求不正确';
      return send(err.statusCode, { code: err.code?.toLowerCase() ?? 'bad_request', zh, en: err.message });
    }
    const away = unavailability(err);
    if (away) {
      // The database is away or busy for now: the client may retry; the cause goes to the log.
      const m = UNAVAILABLE_MESSAGE[away];
      req.log.warn({ err, url: capText(req.url) }, away);
      reply.header('retry-after', String(m.retryAfter));
      return send(503, { code: away, zh: m.zh, en: m.en, request_id: String(req.id) });
    }
    // Every 5xx is logged with its request id (the logger is on at level "error" at least).
    req.log.error({ err, url: capText(req.url) }, 'request failed');
    return send(500, {
      code: 'internal',
      zh: '服务器内部错误，请联系管理员并提供请求编号',
      en: 'internal error; give the request id to your administrator',
      request_id: String(req.id),
    });
  });

  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send({
      error: {
        code: 'not_found',
        zh: `没有这个地址：${req.method} ${capText(req.url)}`,
        en: `no such route: ${req.method} ${capText(req.url)}`,
      },
    } satisfies ErrorBody),
  );
}
