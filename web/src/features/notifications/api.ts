// The bell's calls: the user's notifications (polled each minute) and marking them read.

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, data, type paths } from '../../api/client.ts';

export type Notifications =
  paths['/api/v1/notifications']['get']['responses'][200]['content']['application/json'];
export type NotificationItem = Notifications['items'][number];

const KEY = ['notifications'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: KEY,
    queryFn: () => data(api.GET('/api/v1/notifications')),
    refetchInterval: 60_000,
    staleTime: 30_000,
  });
}

export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { ids?: string[]; all?: boolean }) =>
      data(api.POST('/api/v1/notifications/read', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}
