// The words of the county's pack with their Chinese labels (GET …/vocabulary, the pack's
// vocabulary.yaml): what the screens call a kind of unit, a post, a link, an assessor, an outcome
// or a consequence. The one source of those labels; the lookups are the server's own
// (src/domain/vocabulary.ts), and an unknown code shows as it is.

import { useQuery } from '@tanstack/react-query';
import {
  emptyVocabulary,
  rolesOf,
  roleZh,
  unitKindZh,
  type Vocabulary,
  wordZh,
} from '../../../src/domain/vocabulary.ts';
import { zhPunct } from '../../../src/domain/zh-punct.ts';
import { api, data } from '../api/client.ts';

export type { Vocabulary };
export type Option = { value: string; label: string };

/** The county's words; undefined until they arrive (labels then show the codes). */
export function useVocabulary(county: string | null | undefined): Vocabulary | undefined {
  const q = useQuery({
    queryKey: ['vocabulary', county],
    enabled: !!county,
    staleTime: 30 * 60_000,
    queryFn: () =>
      data(api.GET('/api/v1/counties/{county}/vocabulary', { params: { path: { county: county! } } })),
  });
  return q.data as Vocabulary | undefined;
}

const NONE: Vocabulary = emptyVocabulary();
const or = (v: Vocabulary | undefined) => v ?? NONE;

/** 镇（场）, by the kind code the API returns as a plain string. */
export const kindZh = (v: Vocabulary | undefined, kind: string) => zhPunct(unitKindZh(or(v), kind));
/** 计生办主任: a post at a unit of a kind. */
export const postZh = (v: Vocabulary | undefined, kind: string, role: string) =>
  zhPunct(roleZh(or(v), kind, role));
/** 三停（停职、停薪、停工作）. */
export const consequenceZh = (v: Vocabulary | undefined, type: string) =>
  zhPunct(wordZh(or(v), 'consequence_types', type));

/** The posts of a unit of a kind, as choices. */
export function postOptions(v: Vocabulary | undefined, kind: string | undefined): Option[] {
  return kind ? rolesOf(or(v), kind).map((r) => ({ value: r, label: postZh(v, kind, r) })) : [];
}

/** The words of a part as choices: link kinds, staff types, assessors… */
export function wordOptions(
  v: Vocabulary | undefined,
  part: 'link_kinds' | 'staff_types' | 'assessors' | 'assessment_kinds' | 'consequence_types',
): Option[] {
  return Object.keys(or(v)[part]).map((value) => ({ value, label: zhPunct(wordZh(or(v), part, value)) }));
}
