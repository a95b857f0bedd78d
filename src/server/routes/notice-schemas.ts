// The shapes of the warning notice routes' answers (四(三)2): a notice with its status and
// deadline light in words, a page of them, a verification with its warnings, the escalations.

import { Type } from 'typebox';
import { NOTICE_STATUSES } from '../../workflows/notices/notice-list.ts';
import { Int, Lit, Obj, OrNull, Str, Text } from '../schema-kit.ts';

export const NoticeUnit = Obj({
  id: Str,
  name: Str,
  kind: Str,
  kind_zh: Type.String({ description: '镇（场）、村（社区、工区）、县直单位…' }),
  town: Text,
});

const NOTICE = {
  id: Str,
  unit: NoticeUnit,
  issued_on: Str,
  matter: Str,
  deadline: Text,
  correction_reported_on: Text,
  correction_note: Text,
  corrected_on: OrNull(Type.String({ description: 'the day the office verified the correction' })),
  verified_by: Text,
  status: Lit(...NOTICE_STATUSES),
  status_zh: Type.String({ description: '待整改、已报告整改，待验收、已验收、已撤回' }),
  created_at: Str,
  updated_at: Str,
};

export const NoticeOut = Obj(NOTICE);

export const NoticeItemOut = Obj(
  {
    ...NOTICE,
    case_id: Str,
    fp_year: OrNull(Int),
    light: OrNull(Lit('green', 'yellow', 'red')),
    light_zh: Type.String({ description: '未到期、即将到期、已逾期；或已验收、已撤回、未定期限' }),
    days_left: OrNull(Type.Integer({ description: 'days from today to the deadline; negative when past' })),
  },
  'a notice with its deadline light (green; yellow from 3 days before; red when past)',
);

export const NoticePage = Obj({
  county: Str,
  fp_year: Int,
  on: Type.String({ description: 'today, the day the lights are seen on' }),
  items: Type.Array(NoticeItemOut),
  total: Int,
  limit: Int,
  offset: Int,
  next_id: Type.String({ description: 'the number the next notice of the year would take' }),
});

export const DeadlinesOut = Obj({
  on: Str,
  within: Int,
  overdue: Int,
  due_soon: Int,
  items: Type.Array(
    Obj({
      ...NOTICE,
      deadline_status: Lit('overdue', 'due_soon'),
      deadline_status_zh: Lit('逾期', '即将到期'),
      days_left: Int,
      correction_reported: Type.Boolean(),
    }),
  ),
});

const Words = Obj({ zh: Str, en: Str });

export const VerifiedOut = Obj({ ...NOTICE, warnings: Type.Array(Words) });

export const EscalationsOut = Obj({
  county: Str,
  fp_year: Int,
  interpretations: Obj({ I13: Str, I7: Str, I1: Str }),
  preview: Type.Boolean(),
  escalated: Type.Array(
    Obj({
      unit: NoticeUnit,
      notices: Type.Array(NoticeOut),
      applies: Text,
      applies_label: Text,
      consequence_zh: Str,
      consequence_en: Str,
      talk: Type.Array(Obj({ person: Obj({ id: Str, name: Str }), role: Str, role_zh: Str })),
    }),
  ),
  one_more_escalates: Type.Array(Obj({ unit: NoticeUnit, latest: NoticeOut, zh: Str, en: Str })),
});

export const NoticeListQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
    offset: Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 }),
    unit: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(Lit(...NOTICE_STATUSES)),
    deadline_from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    deadline_to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  },
  { additionalProperties: false },
);
