// The query client: every failed request is shown. A read that is refused (403/404) is shown by
// the screen itself as a refusal page; any other failed read or write gets a notification with
// the server's Chinese message; a 409 (changed meanwhile) offers to reload; a 401 is left to the
// shell, which returns to sign-in. A write whose form shows its own problems sets meta.form.

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors.ts';
import { feedback } from './feedback.ts';

export function showError(error: unknown): void {
  const f = feedback();
  if (error instanceof ApiError && error.status === 401) return;
  if (error instanceof ApiError && error.status === 409) {
    f?.modal.confirm({
      title: '数据已被修改',
      content: `${error.zh}。是否重新加载最新数据？`,
      okText: '重新加载',
      cancelText: '取消',
      onOk: () => queryClient.invalidateQueries(),
    });
    return;
  }
  const text = error instanceof ApiError ? error.zh : '操作未成功，请稍后重试';
  const id = error instanceof ApiError && error.requestId ? `请求编号：${error.requestId}` : undefined;
  f?.notification.error({ message: text, description: id, placement: 'topRight' });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return;
      showError(error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      const handledByForm =
        mutation.meta?.form === true && error instanceof ApiError && error.problems.length > 0;
      if (!handledByForm) showError(error);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (count, error) =>
        error instanceof ApiError && (error.status === 0 || error.status >= 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});
