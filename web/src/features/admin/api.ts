// The administration screen's calls: accounts, their tokens, counties and their places, the
// issuing offices, and the signed-in user's own API tokens. Each write refreshes what it changed.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type paths } from '../../api/client.ts';

export type UsersList = paths['/api/v1/users']['get']['responses'][200]['content']['application/json'];
export type UserRow = UsersList['items'][number];
export type Token =
  paths['/api/v1/tokens']['get']['responses'][200]['content']['application/json']['items'][number];
export type Office =
  paths['/api/v1/counties/{county}/issuing-offices']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewUser = paths['/api/v1/users']['post']['requestBody']['content']['application/json'];
export type UserPatchBody =
  paths['/api/v1/users/{id}']['patch']['requestBody']['content']['application/json'];
export type TownPacks =
  paths['/api/v1/counties/{county}/town-packs']['get']['responses'][200]['content']['application/json'];
export type OfficeBody =
  paths['/api/v1/counties/{county}/issuing-offices']['put']['requestBody']['content']['application/json'];

export const useUsers = (enabled: boolean) =>
  useQuery({ queryKey: ['users'], enabled, queryFn: () => data(api.GET('/api/v1/users')) });

export const useCounties = () =>
  useQuery({ queryKey: ['counties'], queryFn: () => data(api.GET('/api/v1/counties')) });

export const usePlaces = (county: string | undefined) =>
  useQuery({
    queryKey: ['places', county],
    enabled: Boolean(county),
    queryFn: () =>
      data(api.GET('/api/v1/counties/{county}/places', { params: { path: { county: county! } } })),
  });

export const useOffices = (county: string | null, enabled: boolean) =>
  useQuery({
    queryKey: ['issuing-offices', county],
    enabled: enabled && county !== null,
    queryFn: () =>
      data(api.GET('/api/v1/counties/{county}/issuing-offices', { params: { path: { county: county! } } })),
  });

export const useTownPacks = (county: string | null) =>
  useQuery({
    queryKey: ['town-packs', county],
    enabled: county !== null,
    queryFn: () =>
      data(api.GET('/api/v1/counties/{county}/town-packs', { params: { path: { county: county! } } })),
  });

export const useMyTokens = () =>
  useQuery({ queryKey: ['tokens'], queryFn: () => data(api.GET('/api/v1/tokens')) });

export const useUserTokens = (id: string | null) =>
  useQuery({
    queryKey: ['user-tokens', id],
    enabled: id !== null,
    queryFn: () => data(api.GET('/api/v1/users/{id}/tokens', { params: { path: { id: id! } } })),
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>, keys: string[][], form = false) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    meta: { form },
    onSuccess: () => Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey }))),
  });
}

export const useCreateUser = () =>
  useWrite((body: NewUser) => data(api.POST('/api/v1/users', { body })), [['users']], true);

export const usePatchUser = () =>
  useWrite(
    ({ id, body }: { id: string; body: UserPatchBody }) =>
      data(api.PATCH('/api/v1/users/{id}', { params: { path: { id } }, body })),
    [['users'], ['user-tokens']],
    true,
  );

export const useRevokeUserToken = () =>
  useWrite(
    ({ id, token }: { id: string; token: string }) =>
      data(api.DELETE('/api/v1/users/{id}/tokens/{token}', { params: { path: { id, token } } })),
    [['user-tokens']],
  );

export const useCreateCounty = () =>
  useWrite(
    (body: { id: string; name: string; policy?: string }) =>
      data(api.POST('/api/v1/counties', { body: body as { id: string; name: string } })),
    [['counties'], ['session']],
    true,
  );

export const useSetOffice = (county: string | null) =>
  useWrite(
    (body: OfficeBody) =>
      data(
        api.PUT('/api/v1/counties/{county}/issuing-offices', { params: { path: { county: county! } }, body }),
      ),
    [['issuing-offices']],
    true,
  );

export const useCreateToken = () =>
  useWrite(
    (body: { name: string; expires_in_days?: number }) => data(api.POST('/api/v1/tokens', { body })),
    [['tokens']],
    true,
  );

export const useRevokeToken = () =>
  useWrite(
    (id: string) => data(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
    [['tokens']],
  );

/** Sets the town packs (七) one town follows (an empty list: none). */
export const useSetTownPacks = (county: string | null) =>
  useWrite(
    ({ town, packs }: { town: string; packs: { pack: string; from_year: number }[] }) =>
      data(
        api.PUT('/api/v1/counties/{county}/town-packs/{unit}', {
          params: { path: { county: county!, unit: town } },
          body: { packs },
        }),
      ),
    [['town-packs']],
    true,
  );
