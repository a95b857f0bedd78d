// The providers every screen runs inside: antd's styles made safe for Chrome 78–86 cores (no
// :where() — hashPriority high — and no CSS logical properties), Chinese locale for antd and
// dayjs, the query client, the router, an error boundary. Then sign-in, or the shell.

import { legacyLogicalPropertiesTransformer, StyleProvider } from '@ant-design/cssinjs';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { SignInPage } from '../features/sign-in/SignInPage.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { FeedbackBridge } from './FeedbackBridge.tsx';
import { PageLoading } from './PageLoading.tsx';
import { queryClient } from './query.ts';

dayjs.locale('zh-cn');

/** Chinese fonts first as the offices' machines have them (Windows, 统信 UOS, 麒麟), then Noto. */
const FONTS =
  "-apple-system, 'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif";

/**
 * antd's defaults with the contrast WCAG AA asks for (4.5:1): a deeper blue behind white text,
 * darker secondary text (axe-core checks every screen for it).
 */
const THEME = {
  token: {
    fontFamily: FONTS,
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // Also the empty text of tables; disabled controls stay readable too.
    colorTextDisabled: 'rgba(0, 0, 0, 0.58)',
    // Form errors are read against white: antd's #ff4d4f is 3.3:1.
    colorError: '#cf1322',
    // antd derives hover and pressed shades lighter than the primary (#4096ff is 3.0:1 behind
    // white text): darker ones keep 4.5:1 while the pointer rests on a button or link.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
  },
  components: { Layout: { headerBg: '#fff', headerHeight: 56, headerPadding: '0 20px' } },
};

const Shell = lazy(() => import('./Shell.tsx'));

export function App() {
  return (
    <StyleProvider hashPriority="high" transformers={[legacyLogicalPropertiesTransformer]}>
      <ConfigProvider locale={zhCN} theme={THEME}>
        <AntApp>
          <FeedbackBridge />
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <ErrorBoundary>
                <Suspense fallback={<PageLoading />}>
                  <Routes>
                    <Route path="/sign-in" element={<SignInPage />} />
                    <Route path="/*" element={<Shell />} />
                  </Routes>
                </Suspense>
              </ErrorBoundary>
            </BrowserRouter>
          </QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </StyleProvider>
  );
}
