// 责任体系 read views (src/store/registry.ts): the units as of a day, one unit with its posts,
// links and categories over time, and the people (paged, searched by name) with their posts and
// links. Names and Chinese labels are joined in; writes go through the facts routes.

import { Type } from 'typebox';
import { chinaDay } from '../../domain/dates.ts';
import type { Ctx } from '../../store/ctx.ts';
import { registryPeople, registryPerson, registryTree, registryUnit } from '../../store/registry.ts';
import { scopeOf } from '../auth.ts';
import { Int, Obj, Str, Text, type TypedApp } from '../schema-kit.ts';
import { CountyParams, DateStr, errors, FactParams, OFFSET_MAX } from '../schemas.ts';

const Standing = Type.Union(
  [Type.Literal('current'), Type.Literal('ended'), Type.Literal('future'), Type.Literal('retracted')],
  { description: 'on the day asked about: 在任, 已结束, 尚未开始, 已撤回' },
);
const Dated = {
  from: Text,
  to: Text,
  standing: Standing,
  standing_zh: Str,
  retracted_at: Text,
  retract_reason: Text,
};

export const PostView = Obj({
  id: Str,
  person: Str,
  person_name: Str,
  unit: Str,
  unit_name: Str,
  role: Str,
  role_zh: Str,
  ...Dated,
});
export const LinkView = Obj({
  id: Str,
  kind: Str,
  kind_zh: Str,
  person: Text,
  person_name: Text,
  unit: Text,
  unit_name: Text,
  village: Text,
  village_name: Text,
  town: Text,
  town_name: Text,
  ...Dated,
});
const Category = Type.Union([Type.Integer(), Type.Null()]);
export const TreeOut = Obj({
  as_of: Str,
  fp_year: Int,
  units: Type.Array(
    Obj({
      id: Str,
      kind: Str,
      kind_zh: Str,
      name: Str,
      town: Text,
      governance_duty: Type.Boolean(),
      closed_on: Text,
      category: Category,
      category_zh: Text,
    }),
  ),
});
export const UnitOut = Obj({
  as_of: Str,
  unit: Obj({
    id: Str,
    kind: Str,
    kind_zh: Str,
    name: Str,
    town: Text,
    town_name: Text,
    governance_duty: Type.Boolean(),
    closed_on: Text,
    created_at: Str,
    updated_at: Str,
  }),
  posts: Type.Array(PostView),
  links: Type.Array(LinkView),
  categories: Type.Array(
    Obj({ id: Str, fp_year: Int, category: Int, category_zh: Str, retracted_at: Text, retract_reason: Text }),
  ),
});
const PersonProps = {
  id: Str,
  name: Str,
  staff_type: Text,
  staff_type_zh: Text,
  retracted_at: Text,
  retract_reason: Text,
  posts: Type.Array(PostView),
  links: Type.Array(LinkView),
};
export const PersonOut = Obj({ as_of: Str, ...PersonProps });
export const PeopleOut = Obj({
  items: Type.Array(Obj(PersonProps)),
  total: Int,
  limit: Int,
  offset: Int,
});

const AsOf = Type.Optional({
  ...DateStr,
  description: '“as of” this day (YYYY-MM-DD; default today in the county)',
});
const AsOfQuery = Obj({ as_of: AsOf });
const PeopleQuery = Obj({
  as_of: AsOf,
  q: Type.Optional(Type.String({ maxLength: 100, description: 'part of a name, or an id' })),
  unit: Type.Optional(
    Type.String({ maxLength: 100, description: 'people holding (or who held) a post in this unit' }),
  ),
  include_retracted: Type.Boolean({ default: false }),
  limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  offset: Type.Integer({ minimum: 0, maximum: OFFSET_MAX, default: 0 }),
});

export function registryRoutes(app: TypedApp, ctx: Ctx): void {
  const tags = ['registry'];
  const base = '/api/v1/counties/:county/registry';
  const day = (q: { as_of?: string }) => q.as_of ?? chinaDay(ctx.now());
  app.get(
    `${base}/tree`,
    {
      schema: {
        tags,
        summary:
          '责任体系: the units open on a day (county, towns, villages, county units) with their category',
        params: CountyParams,
        querystring: AsOfQuery,
        response: { 200: TreeOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      return registryTree(ctx, scopeOf(req), county, day(req.query));
    },
  );
  app.get(
    `${base}/units/:id`,
    {
      schema: {
        tags,
        summary: 'one unit: posts and links over time (ended and retracted marked), categories by year',
        params: FactParams,
        querystring: AsOfQuery,
        response: { 200: UnitOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return registryUnit(ctx, scopeOf(req), county, id, day(req.query));
    },
  );
  app.get(
    `${base}/people`,
    {
      schema: {
        tags,
        summary: 'people, a page at a time, searched by name, each with posts and links',
        params: CountyParams,
        querystring: PeopleQuery,
        response: { 200: PeopleOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county } = req.params;
      const q = req.query;
      return registryPeople(ctx, scopeOf(req), county, day(q), q);
    },
  );
  app.get(
    `${base}/people/:id`,
    {
      schema: {
        tags,
        summary: 'one person with posts and links',
        params: FactParams,
        querystring: AsOfQuery,
        response: { 200: PersonOut, ...errors(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const { county, id } = req.params;
      return registryPerson(ctx, scopeOf(req), county, id, day(req.query));
    },
  );
}
