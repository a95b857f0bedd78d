// The browser application's entry: polyfills for Chrome 78–86 cores first, then React.

import './polyfills.ts';
import '@ant-design/v5-patch-for-react-19';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import './app.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
