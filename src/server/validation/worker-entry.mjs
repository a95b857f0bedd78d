// Starts the validation worker: TypeScript through tsx's loader, as `npm start` runs the server.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
