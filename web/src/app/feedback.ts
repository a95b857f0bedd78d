// Messages, notifications and dialogs from outside React components (the query client's error
// handlers): <FeedbackBridge/> hands antd's App context over once it is mounted.

import type { App } from 'antd';

type Feedback = ReturnType<typeof App.useApp>;
let current: Feedback | undefined;

export function setFeedback(api: Feedback): void {
  current = api;
}

export function feedback(): Feedback | undefined {
  return current;
}
