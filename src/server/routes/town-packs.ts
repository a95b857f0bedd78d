// A town's own packs (七): which towns of a county follow which town pack, from an FP year on. The
// administrator sets them (one town at a time); the office and the auditors read them.

import { Type } from 'typebox';
import type { Ctx } from '../../store/ctx.ts';
import { listTownPacks, setTownPacks, townPackChoices } from '../../store/town-packs.ts';
import { scopeOf } from '../auth.ts';
import { Int, Obj, Str, type TypedApp } from '../schema-kit.ts';
import { CountyParams, errors } from '../schemas.ts';

const TownPackOut = Obj({
  town: Str,
  town_name: Str,
  pack: Str,
  title: Type.String({ description: "the pack's title" }),
  from_year: Int,
  set_by: Type.String({ description: 'login of who set it' }),
  set_at: Str,
});
const Choice = Obj({
  id: Str,
  title: Str,
  extends: Type.String({ description: 'the county pack it extends' }),
  applies_to: Type.Union([Str, Type.Null()], { description: 'the town it was written for' }),
  first_fp_year: Int,
  example: Type.Boolean({ description: 'shipped as an example, not any real town’s rules' }),
});
const TownParams = Type.Object({ county: CountyParams.properties.county, unit: Type.String() });

export function townPackRoutes(app: TypedApp, ctx: Ctx): void {
  app.get<{ Params: { county: string } }>(
    '/api/v1/counties/:county/town-packs',
    {
      schema: {
        tags: ['policy'],
        summary: "the town packs (七) the county's towns follow, and the town packs there are",
        params: CountyParams,
        response: {
          200: Type.Object({ items: Type.Array(TownPackOut), packs: Type.Array(Choice) }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (req) => ({
      items: await listTownPacks(ctx, scopeOf(req), req.params.county),
      packs: townPackChoices(ctx),
    }),
  );
  app.put<{
    Params: { county: string; unit: string };
    Body: { packs: { pack: string; from_year: number }[] };
  }>(
    '/api/v1/counties/:county/town-packs/:unit',
    {
      schema: {
        tags: ['policy'],
        summary: 'set the town packs (七) one town follows, each from an FP year on (an empty list: none)',
        params: TownParams,
        body: Type.Object(
          {
            packs: Type.Array(
              Type.Object(
                { pack: Str, from_year: Type.Integer({ minimum: 1900, maximum: 2200 }) },
                {
                  additionalProperties: false,
                },
              ),
              { maxItems: 20 },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(TownPackOut) }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (req) => ({
      items: await setTownPacks(ctx, scopeOf(req), req.params.county, req.params.unit, req.body.packs),
    }),
  );
}
