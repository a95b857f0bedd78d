// A pack's vocabulary (vocabulary.yaml): the unit kinds and their posts, link kinds, staff types,
// assessors, outcomes, who assesses whom with which outcomes, acceptance and incident kinds and
// consequence types, each with its Chinese label. Read and checked here: a word the engine's own
// code gives meaning to (ENGINE_WORDS) must be declared; a closed list (unit kinds, link kinds…)
// may hold nothing else; a town pack adds words of its own beside the county's and may not
// redefine one. A town pack may add assessors too (e.g. `town`, for its own monthly checks): the
// engine's code never reads an assessor its rules do not name, and the county's rules name none. The readings and their values are declared once, in interpretations.yaml.

import {
  ASSESSMENT_KINDS,
  ASSESSORS,
  type AssessedBy,
  CONSEQUENCE_TYPES,
  emptyVocabulary,
  LINK_KINDS,
  type VocabularyPart as Part,
  ROLES_BY_UNIT_KIND,
  STAFF_TYPES,
  UNIT_KINDS,
  VOCABULARY_PARTS,
  type Vocabulary,
} from '../domain/vocabulary.ts';
import { type Checker, isObj, type Obj } from './check.ts';

/**
 * The words the engine's code gives meaning to: a pack must declare each. `closed`: the pack may
 * declare no other (the engine could not act on it); an open list takes the pack's own words too.
 */
export const ENGINE_WORDS: Record<Part, { codes: readonly string[]; closed: boolean }> = {
  unit_kinds: { codes: UNIT_KINDS, closed: true },
  link_kinds: { codes: LINK_KINDS, closed: true },
  staff_types: { codes: STAFF_TYPES, closed: true },
  assessors: { codes: ASSESSORS, closed: true },
  outcomes: { codes: [], closed: false },
  assessment_kinds: { codes: ASSESSMENT_KINDS, closed: false },
  acceptance_kinds: { codes: [], closed: false },
  incident_kinds: { codes: [], closed: false },
  consequence_types: { codes: CONSEQUENCE_TYPES, closed: true },
};

const PART_ZH: Record<Part, string> = {
  unit_kinds: '单位类型',
  link_kinds: '挂钩关系类型',
  staff_types: '人员类别',
  assessors: '考核机关',
  outcomes: '考核结论',
  assessment_kinds: '考核种类',
  acceptance_kinds: '验收事项',
  incident_kinds: '事件类型',
  consequence_types: '后果类型',
};

const FILE = 'vocabulary.yaml';

/**
 * Reads vocabulary.yaml (parsed). A county pack's must hold every word of ENGINE_WORDS; a town
 * pack's (optional) is added to its county's (`base`), which it may not redefine.
 */
export function readVocabulary(raw: unknown, c: Checker, base?: Vocabulary): Vocabulary {
  const out: Vocabulary = base ? structuredClone(base) : emptyVocabulary();
  if (raw === undefined) {
    if (!base) c.add(FILE, 'missing_file', '策略包缺少词汇表', 'the pack has no vocabulary');
    return out;
  }
  const root = c.object(raw, FILE);
  if (!root) return out;
  c.fields(root, VOCABULARY_PARTS, FILE);
  const own = (part: Part, code: string, path: string): boolean => {
    if (base && Object.hasOwn(base[part], code)) {
      c.add(
        path,
        'redefined_word',
        `${PART_ZH[part]} ${code} 已由县策略包定义，镇策略包不能重新定义`,
        `${part} ${code} is the county pack's; a town pack cannot redefine it`,
      );
      return false;
    }
    const e = ENGINE_WORDS[part];
    // A town pack may add assessors (the town of its monthly checks): only its own rules read them.
    if (e.closed && !e.codes.includes(code) && !(base && part === 'assessors')) {
      c.add(
        path,
        'unknown_word',
        `引擎不认识${PART_ZH[part]} ${code}，应为：${e.codes.join('、')}`,
        `the engine knows no ${part} ${code}; use: ${e.codes.join(', ')}`,
      );
      return false;
    }
    return true;
  };
  const entries = (part: Part): [string, unknown, string][] => {
    if (root[part] === undefined) return [];
    const o = c.object(root[part], `${FILE}.${part}`);
    return Object.entries(o ?? {}).map(([k, v]) => [k, v, `${FILE}.${part}.${k}`]);
  };
  const zh = (v: unknown, path: string): string | undefined => {
    if (typeof v === 'string') return label(v, path, c);
    const o = c.object(v, path);
    return o ? label(o.zh, `${path}.zh`, c) : undefined;
  };

  for (const [code, v, path] of entries('unit_kinds')) {
    const o = c.object(v, path);
    if (!o) continue;
    c.fields(o, ['zh', 'roles'], path);
    // A town pack may add posts to a county's kind of unit, and nothing else of it.
    const known = base?.unit_kinds[code];
    if (known && o.zh !== undefined) own('unit_kinds', code, `${path}.zh`);
    if (!known && !own('unit_kinds', code, path)) continue;
    // `out` holds a copy of the county's: the county's own words are never changed.
    const kind = known ? out.unit_kinds[code]! : { zh: label(o.zh, `${path}.zh`, c) ?? code, roles: {} };
    out.unit_kinds[code] = kind;
    const roles = o.roles === undefined ? {} : (c.object(o.roles, `${path}.roles`) ?? {});
    for (const [role, rz] of Object.entries(roles)) {
      const rp = `${path}.roles.${role}`;
      if (known && Object.hasOwn(known.roles, role))
        c.add(
          rp,
          'redefined_word',
          `职务 ${role} 已由县策略包定义，镇策略包不能重新定义`,
          `post ${role} is the county pack's; a town pack cannot redefine it`,
        );
      else kind.roles[role] = label(rz, rp, c) ?? role;
    }
  }
  for (const part of ['link_kinds', 'assessors', 'incident_kinds', 'consequence_types'] as const)
    for (const [code, v, path] of entries(part))
      if (own(part, code, path)) out[part][code] = label(v, path, c) ?? code;
  for (const [code, v, path] of entries('staff_types')) {
    if (!own('staff_types', code, path)) continue;
    const o = c.object(v, path);
    if (!o) continue;
    c.fields(o, ['zh', 'max_grade'], path);
    out.staff_types[code] = {
      zh: label(o.zh, `${path}.zh`, c) ?? code,
      max_grade: label(o.max_grade, `${path}.max_grade`, c) ?? '',
    };
  }
  for (const [code, v, path] of entries('outcomes')) {
    if (!own('outcomes', code, path)) continue;
    if (isObj(v)) c.fields(v, ['zh', 'passing'], path);
    const passing = isObj(v) ? (c.boolean(v, 'passing', path, false) ?? false) : false;
    out.outcomes[code] = { zh: zh(v, path) ?? code, passing };
  }
  // Words that name other words are read once all are known.
  const is = (part: Part, code: unknown, path: string): code is string => {
    if (typeof code === 'string' && Object.hasOwn(out[part], code)) return true;
    c.add(
      path,
      'unknown_word',
      `没有${PART_ZH[part]} ${String(code)}`,
      `no ${part} ${String(code)} in the vocabulary`,
    );
    return false;
  };
  const codes = (o: Obj, key: string, part: Part, path: string): string[] =>
    c.ids(o, key, path).filter((x, i) => is(part, x, `${path}.${key}[${i}]`));
  for (const [code, v, path] of entries('assessment_kinds')) {
    if (!own('assessment_kinds', code, path)) continue;
    const o = c.object(v, path);
    if (!o) continue;
    c.fields(o, ['zh', 'assessed'], path);
    const assessed: AssessedBy[] = [];
    c.list(o, 'assessed', path, true).forEach((a, i) => {
      const ap = `${path}.assessed[${i}]`;
      const ao = c.object(a, ap);
      if (!ao) return;
      c.fields(ao, ['by', 'of', 'outcomes'], ap);
      const by = c.string(ao, 'by', ap);
      if (by !== undefined && !is('assessors', by, `${ap}.by`)) return;
      const of = codes(ao, 'of', 'unit_kinds', ap);
      const outcomes = codes(ao, 'outcomes', 'outcomes', ap);
      if (by !== undefined) assessed.push({ by, of, outcomes });
    });
    out.assessment_kinds[code] = { zh: label(o.zh, `${path}.zh`, c) ?? code, assessed };
  }
  for (const [code, v, path] of entries('acceptance_kinds')) {
    if (!own('acceptance_kinds', code, path)) continue;
    const o = c.object(v, path);
    if (!o) continue;
    c.fields(o, ['zh', 'unit', 'by'], path);
    const unit = c.string(o, 'unit', path);
    if (unit !== undefined) is('unit_kinds', unit, `${path}.unit`);
    out.acceptance_kinds[code] = {
      zh: label(o.zh, `${path}.zh`, c) ?? code,
      unit: unit ?? '',
      by: codes(o, 'by', 'assessors', path),
    };
  }
  if (!base) checkEngineWords(out, c);
  return out;
}

function label(v: unknown, path: string, c: Checker): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  c.add(path, 'required', '应有中文名称', 'needs a Chinese label');
  return undefined;
}

/** Every word the engine's code gives meaning to is declared (and every post it reads). */
function checkEngineWords(v: Vocabulary, c: Checker): void {
  for (const part of VOCABULARY_PARTS)
    for (const code of ENGINE_WORDS[part].codes)
      if (!Object.hasOwn(v[part], code))
        c.add(
          `${FILE}.${part}`,
          'missing_word',
          `缺少引擎所需的${PART_ZH[part]} ${code}`,
          `the engine needs ${part} ${code}, which the vocabulary does not declare`,
        );
  for (const [kind, roles] of Object.entries(ROLES_BY_UNIT_KIND)) {
    const have = v.unit_kinds[kind]?.roles;
    if (have)
      for (const role of roles)
        if (!Object.hasOwn(have, role))
          c.add(
            `${FILE}.unit_kinds.${kind}.roles`,
            'missing_word',
            `缺少引擎所需的职务 ${role}`,
            `the engine needs post ${role} of a ${kind}, which the vocabulary does not declare`,
          );
  }
}
