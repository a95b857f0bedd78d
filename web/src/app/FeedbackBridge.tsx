import { App } from 'antd';
import { useEffect } from 'react';
import { setFeedback } from './feedback.ts';

/** Hands antd's message, notification and modal (with the app's theme and locale) to feedback.ts. */
export function FeedbackBridge() {
  const api = App.useApp();
  useEffect(() => setFeedback(api), [api]);
  return null;
}
