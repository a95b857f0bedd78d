// An API refusal as the browser handles it: the server's `{ error: { code, zh, en, problems } }`
// becomes an ApiError; its problems, each with the `path` of a field, become antd Form fields.

export interface Problem {
  path: string;
  code?: string;
  zh: string;
  en: string;
}

export interface ErrorBody {
  error: { code: string; zh: string; en: string; problems?: Problem[]; request_id?: string };
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly zh: string;
  readonly problems: Problem[];
  readonly requestId: string | undefined;
  /** From Retry-After (a 429): seconds until the server takes the request again. */
  readonly retryAfter: number | undefined;
  constructor(status: number, body: Partial<ErrorBody> | undefined, retryAfter?: number) {
    const e = body?.error;
    super(e?.en ?? `HTTP ${status}`);
    this.status = status;
    this.code = e?.code ?? (status === 0 ? 'network' : 'http');
    this.zh = e?.zh ?? fallbackZh(status);
    this.problems = e?.problems ?? [];
    this.requestId = e?.request_id;
    this.retryAfter = retryAfter;
  }
}

function fallbackZh(status: number): string {
  if (status === 0) return '无法连接服务器，请检查网络后重试';
  if (status >= 500) return '服务器暂时无法处理请求，请稍后重试';
  return `请求未成功（${status}）`;
}

/** `posts[2].unit` → ['posts', 2, 'unit'], the name path antd's Form uses. */
export function fieldPath(path: string): (string | number)[] {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((p) => p !== undefined && p !== '')
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export interface FieldError {
  name: (string | number)[];
  errors: string[];
}

/**
 * The problems of an error as antd Form fields (`form.setFields(fields)`), each field's messages
 * in Chinese; problems naming no field of the form (`known` lists the top-level names) are
 * returned apart, for an alert above the form.
 */
export function problemsToFields(
  problems: readonly Problem[],
  known?: readonly string[],
): { fields: FieldError[]; other: Problem[] } {
  const byField = new Map<string, FieldError>();
  const other: Problem[] = [];
  for (const p of problems) {
    const name = fieldPath(p.path);
    if (name.length === 0 || (known && !known.includes(String(name[0])))) {
      other.push(p);
      continue;
    }
    const key = JSON.stringify(name);
    const f = byField.get(key) ?? { name, errors: [] };
    f.errors.push(p.zh);
    byField.set(key, f);
  }
  return { fields: [...byField.values()], other };
}

/** What a refused page shows: the server's words, under a title for its status. */
export function refusalOf(error: unknown): { status: 403 | 404 | 500; title: string; text: string } {
  if (error instanceof ApiError) {
    if (error.status === 403) return { status: 403, title: '无权访问', text: error.zh };
    if (error.status === 404) return { status: 404, title: '未找到或无权查看', text: error.zh };
    const id = error.requestId ? `（请求编号：${error.requestId}）` : '';
    return { status: 500, title: '请求未成功', text: `${error.zh}${id}` };
  }
  return { status: 500, title: '页面出错', text: '页面遇到意外错误，请刷新后重试' };
}
