// Small field checkers shared by the case validator and the pack loader. Each reads one field of
// an unknown value, records a problem (Chinese and English, with its path) when it is wrong, and
// never throws, whatever it is given.

import { isIsoDate } from '../domain/dates.ts';
import { type Problem, problem } from '../domain/problems.ts';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Whether a string has anything but white space; most start with a letter or digit, and need no trim to say. */
function hasText(v: string): boolean {
  const c = v.charCodeAt(0);
  return (c > 32 && c < 127) || v.trim() !== '';
}

function show(v: unknown): string {
  if (typeof v === 'string') return `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (v === null || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'a list' : 'a mapping';
}

export class Checker {
  readonly problems: Problem[] = [];

  add(path: string, code: string, zh: string, en: string): void {
    this.problems.push(problem(path, code, zh, en));
  }

  /** Reports every field of `o` not in `allowed`. */
  fields(o: Obj, allowed: readonly string[], path: string): void {
    for (const k in o) {
      if (!allowed.includes(k) && Object.hasOwn(o, k))
        this.add(join(path, k), 'unknown_field', '未知字段', 'unknown field');
    }
  }

  object(v: unknown, path: string): Obj | undefined {
    if (isObj(v)) return v;
    this.add(path, 'type', `应为映射（对象），实为 ${show(v)}`, `must be a mapping (object), not ${show(v)}`);
    return undefined;
  }

  list(o: Obj, key: string, path: string, required = false): unknown[] {
    const v = o[key];
    if (v === undefined || v === null) {
      if (required) this.missing(join(path, key));
      return [];
    }
    if (Array.isArray(v)) return v;
    this.add(join(path, key), 'type', `应为列表，实为 ${show(v)}`, `must be a list, not ${show(v)}`);
    return [];
  }

  missing(path: string): void {
    this.add(path, 'required', '缺少必填字段', 'is required');
  }

  string(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(join(path, key));
      return undefined;
    }
    if (typeof v === 'string' && hasText(v)) return v;
    this.add(
      join(path, key),
      'type',
      `应为非空字符串，实为 ${show(v)}`,
      `must be a non-empty string, not ${show(v)}`,
    );
    return undefined;
  }

  oneOf<T extends string>(
    o: Obj,
    key: string,
    values: readonly T[],
    path: string,
    required = true,
  ): T | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(join(path, key));
      return undefined;
    }
    if (typeof v === 'string' && (values as readonly string[]).includes(v)) return v as T;
    this.add(
      join(path, key),
      'enum',
      `取值 ${show(v)} 无效，应为：${values.join('、')}`,
      `${show(v)} is not one of: ${values.join(', ')}`,
    );
    return undefined;
  }

  date(o: Obj, key: string, path: string, required = true): string | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(join(path, key));
      return undefined;
    }
    if (isIsoDate(v)) return v;
    this.add(
      join(path, key),
      'date',
      `${show(v)} 不是有效日期（应为 YYYY-MM-DD）`,
      `${show(v)} is not a date (YYYY-MM-DD)`,
    );
    return undefined;
  }

  integer(o: Obj, key: string, path: string, min: number, max: number, required = true): number | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(join(path, key));
      return undefined;
    }
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.add(
      join(path, key),
      'integer',
      `应为 ${min} 至 ${max} 的整数`,
      `must be a whole number from ${min} to ${max}`,
    );
    return undefined;
  }

  number(o: Obj, key: string, path: string, required = true): number | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(join(path, key));
      return undefined;
    }
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    this.add(join(path, key), 'number', `应为数字，实为 ${show(v)}`, `must be a number, not ${show(v)}`);
    return undefined;
  }

  boolean(o: Obj, key: string, path: string, required = true): boolean | undefined {
    const v = o[key];
    if (v === undefined) {
      if (required) this.missing(join(path, key));
      return undefined;
    }
    if (typeof v === 'boolean') return v;
    this.add(
      join(path, key),
      'boolean',
      `应为 true 或 false，实为 ${show(v)}`,
      `must be true or false, not ${show(v)}`,
    );
    return undefined;
  }

  /** A list of distinct non-empty strings. */
  ids(o: Obj, key: string, path: string): string[] {
    const out: string[] = [];
    this.list(o, key, path).forEach((v, i) => {
      const p = `${join(path, key)}[${i}]`;
      if (typeof v !== 'string' || !hasText(v)) {
        this.add(p, 'type', `应为编号（字符串），实为 ${show(v)}`, `must be an id (string), not ${show(v)}`);
      } else if (out.includes(v)) {
        this.add(p, 'duplicate', `重复列出 ${show(v)}`, `${show(v)} is listed twice`);
      } else out.push(v);
    });
    return out;
  }
}

export function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

export { show };
