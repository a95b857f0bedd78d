// The registry's forms as data: which fields each kind of fact has (a link's depend on its kind),
// the choices with their Chinese labels, and form values ⇄ request bodies of the facts routes.

import type { LinkKind } from '../../../../src/domain/vocabulary.ts';
import type { Seg } from './api.ts';

export type Field =
  | 'id'
  | 'name'
  | 'staff_type'
  | 'person'
  | 'unit'
  | 'village'
  | 'town'
  | 'role'
  | 'kind'
  | 'from'
  | 'to'
  | 'fp_year'
  | 'category';

/** The parties of each kind of link (case-format.md): who is linked to what. */
export const LINK_PARTIES: Record<LinkKind, Field[]> = {
  stationed: ['person', 'village'],
  unit_village: ['unit', 'village'],
  leader_town: ['person', 'town'],
  leader_village: ['person', 'village'],
};

export function fieldsOf(seg: Seg, kind?: string): Field[] {
  switch (seg) {
    case 'people':
      return ['id', 'name', 'staff_type'];
    case 'posts':
      return ['person', 'unit', 'role', 'from', 'to'];
    case 'links':
      return ['kind', ...(LINK_PARTIES[kind as LinkKind] ?? []), 'from', 'to'];
    case 'categories':
      return ['unit', 'fp_year', 'category'];
    default:
      return ['id', 'kind', 'name', 'town'];
  }
}

export const FIELD_LABEL: Record<Field, string> = {
  id: '编号',
  name: '姓名',
  staff_type: '身份',
  person: '人员',
  unit: '单位',
  village: '村（社区、工区）',
  town: '镇（场）',
  role: '职务',
  kind: '类型',
  from: '开始日期',
  to: '结束日期',
  fp_year: '计生年度',
  category: '类别',
};

/** Date pickers hold dayjs values; anything with `format` is written YYYY-MM-DD. */
type Value = string | number | boolean | null | undefined | { format(f: string): string };

/**
 * The request body of a form: dates as YYYY-MM-DD, blanks left out on create and cleared (null)
 * on edit, only the fields of this kind (and of this link's kind).
 */
export function toBody(seg: Seg, values: Record<string, Value>, editing: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(seg, values.kind as string | undefined)) {
    if (editing && f === 'id') continue;
    const v = values[f];
    const blank = v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
    if (blank) {
      if (editing && (f === 'from' || f === 'to' || f === 'staff_type')) out[f] = null;
      continue;
    }
    out[f] = typeof v === 'object' ? v.format('YYYY-MM-DD') : typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** A stored fact as form values (dates stay strings here; the modal turns them into dayjs). */
export function toValues(seg: Seg, fact: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fieldsOf(seg, fact.kind as string | undefined)) if (fact[f] !== undefined) out[f] = fact[f];
  return out;
}
