// The entry: a small chunk that starts the page's requests (early.ts), then loads the app (app/start.tsx),
// whose files index.html already preloads (the startChunkPreloads plugin in vite.config.ts). ADR 0016.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './app/global.css';
import { startEarly } from './app/early';

startEarly(location.pathname);
void import('./app/start');
