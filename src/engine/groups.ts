// Who receives a consequence (`to:`): each group turns a binding into members (units or people),
// each with the fact that makes them a member (the post held, the link, the village). The person
// groups follow case-format.md, "How the rules read a case".

import { rolesOf, type UnitKind, type Vocabulary } from '../domain/vocabulary.ts';
import type { CaseIndex } from './case-index.ts';
import { type Checker, isObj } from './check.ts';
import { postReason, stationedReason } from './explain.ts';
import type { Binding } from './generators.ts';

export interface Member {
  kind: 'unit' | 'person';
  id: string;
  reason: string;
  /** The post or link that made a person a member: where fines are collected (八). */
  via?: { unit: string; role?: string; link?: string };
}

export interface RecipientGroup {
  members(ix: CaseIndex, b: Binding, out: Member[]): void;
  /** 'subject': the binding's own subject, a unit or a person. */
  memberKind: 'unit' | 'person' | 'subject';
  /** The binding subject kinds it reads from; undefined: any. */
  needs?: readonly (UnitKind | 'person')[];
  deps: string[];
  /** Its members come only from the binding's villages: none when the generator binds none. */
  fromVillages?: true;
  /** The post roles it reads at the binding's subject, when it is a group of post holders. */
  posts?: readonly string[];
}

const TOWN_OFFICIALS = ['party_secretary', 'mayor', 'leader_in_charge', 'fp_office'];

/** I6: "计生办" is the FP office head, or the head and every fp_cadre. */
function postsAt(roles: readonly string[]) {
  const headOnly = new Set(roles.filter((r) => r !== 'fp_office'));
  if (roles.includes('fp_office')) headOnly.add('fp_office_head');
  const wholeOffice = new Set(headOnly);
  if (roles.includes('fp_office')) wholeOffice.add('fp_cadre');
  return (ix: CaseIndex, unit: string, out: Member[]) => {
    const match = ix.interp.I6 === 'whole-office' ? wholeOffice : headOnly;
    for (const p of ix.postsAt.get(unit) ?? [])
      if (match.has(p.role))
        out.push({
          kind: 'person',
          id: p.person,
          reason: postReason(ix, p.person, unit, p.role, p.from, p.to),
          via: { unit, role: p.role },
        });
  };
}

function stationedAt(ix: CaseIndex, villages: readonly string[], out: Member[]): void {
  for (const v of villages)
    for (const s of ix.stationedAt.get(v) ?? [])
      out.push({
        kind: 'person',
        id: s.person,
        reason: stationedReason(ix, s.person, v, s.from, s.to),
        via: { unit: v, link: 'stationed' },
      });
}

function townPosts(roles: readonly string[]): RecipientGroup {
  const read = postsAt(roles);
  return {
    memberKind: 'person',
    needs: ['town'],
    posts: roles,
    deps: roles.includes('fp_office') ? ['I1', 'I6', 'I9'] : ['I1', 'I9'],
    members: (ix, b, out) => read(ix, b.subject, out),
  };
}

function unitPosts(roles: readonly string[]): Pick<RecipientGroup, 'members' | 'posts'> {
  const read = postsAt(roles);
  return { posts: roles, members: (ix, b, out) => read(ix, b.subject, out) };
}

/** A unit the facts already name (the subject, a sampled village): no reason of its own. */
const unitMember = (id: string): Member => ({ kind: 'unit', id, reason: '' });

const NAMED: Record<string, RecipientGroup> = {
  subject: {
    memberKind: 'subject',
    deps: [],
    members: (ix, b, out) => {
      out.push(
        b.subjectKind === 'unit' ? unitMember(b.subject) : { kind: 'person', id: b.subject, reason: '' },
      );
    },
  },
  villages: {
    memberKind: 'unit',
    deps: [],
    fromVillages: true,
    members: (ix, b, out) => {
      for (const v of b.villages) out.push(unitMember(v));
    },
  },
  town_officials: townPosts(TOWN_OFFICIALS),
  stationed_at_villages: {
    memberKind: 'person',
    deps: ['I1', 'I9'],
    fromVillages: true,
    members: (ix, b, out) => stationedAt(ix, b.villages, out),
  },
  // I2: whole-town, everyone stationed at any village of the town; or only at its sampled villages.
  stationed_in_town: {
    memberKind: 'person',
    needs: ['town'],
    deps: ['I1', 'I2', 'I9'],
    members: (ix, b, out) =>
      stationedAt(
        ix,
        ix.interp.I2 === 'sampled-villages-only' ? b.villages : (ix.villagesOf.get(b.subject) ?? []),
        out,
      ),
  },
  // I10: every post of the village, or every post but fp_supervisor.
  village_cadres: {
    memberKind: 'person',
    deps: ['I1', 'I9', 'I10'],
    fromVillages: true,
    members: (ix, b, out) => {
      const all = ix.interp.I10 !== 'two-committees-only';
      for (const v of b.villages)
        for (const p of ix.postsAt.get(v) ?? [])
          if (all || p.role !== 'fp_supervisor')
            out.push({
              kind: 'person',
              id: p.person,
              reason: postReason(ix, p.person, v, p.role, p.from, p.to),
              via: { unit: v, role: p.role },
            });
    },
  },
  linked_units: {
    memberKind: 'unit',
    deps: ['I1'],
    fromVillages: true,
    members: (ix, b, out) => {
      const seen = new Set<string>();
      for (const v of b.villages)
        for (const u of ix.unitsLinkedTo.get(v) ?? [])
          if (!seen.has(u)) {
            seen.add(u);
            out.push({
              kind: 'unit',
              id: u,
              reason: `${ix.units.get(u)?.name}挂钩联系${ix.units.get(v)?.name}`,
            });
          }
    },
  },
  unit_leaders: {
    memberKind: 'person',
    needs: ['county_unit'],
    deps: ['I1', 'I9'],
    ...unitPosts(['head', 'leader_in_charge', 'fp_staff']),
  },
  unit_head: {
    memberKind: 'person',
    needs: ['county_unit'],
    deps: ['I1'],
    ...unitPosts(['head']),
  },
  county_leaders_linked: {
    memberKind: 'person',
    needs: ['town', 'village'],
    deps: ['I1'],
    members: (ix, b, out) => {
      for (const l of ix.leadersLinkedTo.get(b.subject) ?? [])
        out.push({
          kind: 'person',
          id: l.person,
          reason: `${ix.people.get(l.person)?.name ?? l.person}任县党政领导班子成员，挂钩（帮扶）${ix.units.get(l.place)?.name}`,
        });
    },
  },
};

export const GROUP_NAMES = [...Object.keys(NAMED), 'town_posts'];

/** `to:` is a group name, `{ town_posts: [roles] }`, or a list of those (their union). */
export function compileGroups(raw: unknown, path: string, c: Checker, words: Vocabulary): RecipientGroup[] {
  // `fp_office` is 计生办 (I6); the rest are the posts of a town in the pack's vocabulary.
  const townRoles = ['fp_office', ...rolesOf(words, 'town')];
  const items = Array.isArray(raw) ? raw : [raw];
  const out: RecipientGroup[] = [];
  items.forEach((item, i) => {
    const p = Array.isArray(raw) ? `${path}[${i}]` : path;
    if (typeof item === 'string' && NAMED[item]) out.push(NAMED[item]);
    else if (isObj(item) && Array.isArray(item.town_posts) && Object.keys(item).length === 1) {
      const roles = item.town_posts.map(String);
      roles.forEach((r, j) => {
        if (!townRoles.includes(r))
          c.add(`${p}.town_posts[${j}]`, 'enum', `镇（场）没有职务 ${r}`, `a town has no post ${r}`);
      });
      out.push(townPosts(roles));
    } else
      c.add(
        p,
        'unknown_group',
        `未知的对象组，可为：${GROUP_NAMES.join('、')}`,
        `unknown group; use one of: ${GROUP_NAMES.join(', ')}`,
      );
  });
  return out;
}
