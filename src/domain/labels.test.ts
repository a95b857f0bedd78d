// Every code a user can see has its Chinese label, in full-width punctuation, from one source:
// each list of codes the system keeps (the enums of the store, the ledger, the case format) is
// walked, and a code without a label fails the test by name.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MOVES } from '../store/ledger-core.ts';
import { OBLIGATION_STATUSES as STORE_STATUSES } from '../store/ledger-status.ts';
import { OUTCOMES as PERSONNEL_OUTCOMES } from '../store/personnel.ts';
import { roleZh } from '../store/scope.ts';
import {
  ENTRY_KINDS,
  ENTRY_ZH,
  FINE_STATUS_ZH,
  NOTICE_STATUS_ZH,
  NOTICE_STATUSES,
  NOTIFICATION_KIND_ZH,
  NOTIFICATION_KINDS,
  OBLIGATION_KINDS,
  OBLIGATION_STATUSES,
  OBLIGATION_ZH,
  obligationStatusZh,
  PERSONNEL_STATUS_ZH,
  PERSONNEL_STATUSES,
  REWARD_STATUS_ZH,
  ROSTER_ACTION_ZH,
  ROSTER_ACTIONS,
  ROSTER_LINE_KIND_ZH,
  ROSTER_LINE_KINDS,
  ROSTER_STATUS_ZH,
  ROSTER_STATUSES,
  USER_ROLE_ZH,
} from './labels.ts';
import { ROLES } from './permissions.ts';
import { roleZh as postZh, type Vocabulary, withheldReasonZh, wordZh } from './vocabulary.ts';
import { asciiPunctuationInChinese } from './zh-punct.ts';

const HAN = /\p{Script=Han}/u;

/** The codes of a list that have no Chinese label, or one with ASCII punctuation. */
function unlabelled(codes: readonly string[], table: Record<string, string>): string[] {
  return codes.filter((c) => {
    const zh = table[c];
    return !zh || !HAN.test(zh) || asciiPunctuationInChinese(zh).length > 0 || /[()]/.test(zh);
  });
}

const TABLES: [string, readonly string[], Record<string, string>][] = [
  ['user roles', ROLES, USER_ROLE_ZH],
  ['ledger entry kinds', ENTRY_KINDS, ENTRY_ZH],
  ['obligation kinds', OBLIGATION_KINDS, OBLIGATION_ZH],
  ['fine statuses', OBLIGATION_STATUSES, FINE_STATUS_ZH],
  ['reward statuses', OBLIGATION_STATUSES, REWARD_STATUS_ZH],
  ['roster statuses', ROSTER_STATUSES, ROSTER_STATUS_ZH],
  ['roster actions', ROSTER_ACTIONS, ROSTER_ACTION_ZH],
  ['roster lines', ROSTER_LINE_KINDS, ROSTER_LINE_KIND_ZH],
  ['notice statuses', NOTICE_STATUSES, NOTICE_STATUS_ZH],
  ['personnel statuses', PERSONNEL_STATUSES, PERSONNEL_STATUS_ZH],
  ['notification kinds', NOTIFICATION_KINDS, NOTIFICATION_KIND_ZH],
];

describe('the Chinese label of every code', () => {
  it.each(TABLES)('%s: every code has a Chinese label in full-width punctuation', (_, codes, table) => {
    expect(codes.length).toBeGreaterThan(0);
    expect(unlabelled(codes, table)).toEqual([]);
  });

  it('finds a missing label and a half-width one', () => {
    expect(unlabelled(['a', 'b', 'c'], { a: '甲', c: '村(社区)' })).toEqual(['b', 'c']);
  });

  it('labels the codes the store and the ledger keep (one list each)', () => {
    expect(STORE_STATUSES).toBe(OBLIGATION_STATUSES);
    expect([...ENTRY_KINDS].sort()).toEqual(['assess', 'reverse', ...MOVES].sort());
    expect(PERSONNEL_OUTCOMES.every((o) => (PERSONNEL_STATUSES as readonly string[]).includes(o))).toBe(true);
    for (const r of ROLES) expect(roleZh(r)).toBe(USER_ROLE_ZH[r]);
  });

  it('words a status as the kind of obligation has it, or both', () => {
    expect(obligationStatusZh('due', 'fine')).toBe('应缴');
    expect(obligationStatusZh('due', 'reward')).toBe('应付');
    expect(obligationStatusZh('due')).toBe('应缴（应付）');
    expect(obligationStatusZh('overdue')).toBe('逾期');
  });

  it("words posts and consequences in a pack's words, and withheld reasons; an unknown code as it is", () => {
    const words = {
      unit_kinds: { village: { zh: '村', roles: { committee_director: '村（居）委会主任' } } },
      consequence_types: { three_stops: '三停（停职、停薪、停工作）' },
    } as unknown as Vocabulary;
    expect(postZh(words, 'village', 'committee_director')).toBe('村（居）委会主任');
    expect(postZh(words, 'village', 'chief')).toBe('chief');
    expect(postZh(words, 'district', 'chief')).toBe('chief');
    expect(wordZh(words, 'consequence_types', 'three_stops')).toBe('三停（停职、停薪、停工作）');
    const consequenceZh = (t: string) => wordZh(words, 'consequence_types', t);
    expect(withheldReasonZh('I4: unit award veto')).toBe(
      '所在单位本计生年度被评先评优一票否决，暂不兑现（解释I4）',
    );
    expect(withheldReasonZh('I4: person award veto')).toMatch(/^本人/);
    expect(consequenceZh('unknown_type')).toBe('unknown_type');
  });
});

describe('one source of labels', () => {
  // A table of Chinese labels is an object literal whose values are all Chinese, keyed by codes.
  // Outside src/domain (and the policy's and audit's own words) none may hold a code of the lists
  // above: such a copy drifts from the one source.
  const codes = new Map<string, string>();
  for (const [name, list, table] of TABLES) for (const c of list) codes.set(`${c}:${table[c]}`, name);
  const ROOTS = ['..', '../../web/src'].map((p) => fileURLToPath(new URL(p, import.meta.url)));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory()
        ? e.name === 'domain' || e.name === 'node_modules'
          ? []
          : files(join(dir, e.name))
        : /\.tsx?$/.test(e.name) && !/\.(test|d)\.tsx?$/.test(e.name)
          ? [join(dir, e.name)]
          : [],
    );

  /** The lists a file copies labels of: three or more `code: '标签'` (or `value: 'code', label: '标签'`) pairs of one list. */
  const copiesIn = (text: string): string[] => {
    const found = new Map<string, number>();
    const pairs = [
      ...text.matchAll(/\b([a-z_]+):\s*'([^']*\p{Script=Han}[^']*)'/gu),
      ...text.matchAll(/value:\s*'([a-z_]+)',\s*label:\s*'([^']*)'/gu),
    ];
    for (const m of pairs) {
      const list = codes.get(`${m[1]}:${m[2]}`);
      if (list) found.set(list, (found.get(list) ?? 0) + 1);
    }
    return [...found].filter(([, n]) => n >= 3).map(([list]) => list);
  };

  it('finds a copy', () => {
    expect(
      copiesIn("const S = { open: '待整改', reported: '已报告整改，待验收', verified: '已验收' };"),
    ).toEqual(['notice statuses']);
    const options = ['due', 'paid', 'partly_paid'].map(
      (v) => `{ value: '${v}', label: '${FINE_STATUS_ZH[v as 'due']}' }`,
    );
    expect(copiesIn(options.join(',\n'))).toEqual(['fine statuses']);
    expect(copiesIn("{ open: '待整改' }")).toEqual([]);
  });

  it('keeps no copy of a label table outside src/domain', () => {
    const copies = ROOTS.flatMap((root) =>
      files(root).flatMap((f) => copiesIn(readFileSync(f, 'utf8')).map((list) => `${f}: ${list}`)),
    );
    expect(copies).toEqual([]);
  });
});
