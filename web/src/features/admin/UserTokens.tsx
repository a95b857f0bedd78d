// Another account's API tokens, in a drawer, for its administrator: listed, and revoked one by one.

import { Drawer } from 'antd';
import { useShell } from '../../app/context.ts';
import { Refusal } from '../../app/Refusal.tsx';
import { can } from '../../session/session.ts';
import { type UserRow, useRevokeUserToken, useUserTokens } from './api.ts';
import { TokenTable } from './TokenTable.tsx';

export function UserTokens({ user, onClose }: { user: UserRow | null; onClose: () => void }) {
  const { session } = useShell();
  const tokens = useUserTokens(user?.id ?? null);
  const revoke = useRevokeUserToken();
  const mayRevoke = can(session, 'DELETE /api/v1/users/:id/tokens/:token');
  return (
    <Drawer
      open={user !== null}
      onClose={onClose}
      width={760}
      title={`API 令牌：${user?.display_name ?? user?.username ?? ''}`}
      destroyOnHidden
    >
      {tokens.error ? (
        <Refusal error={tokens.error} />
      ) : (
        <TokenTable
          tokens={tokens.data?.items ?? []}
          loading={tokens.isPending}
          onRevoke={mayRevoke && user ? (t) => revoke.mutateAsync({ id: user.id, token: t.id }) : undefined}
        />
      )}
    </Drawer>
  );
}
