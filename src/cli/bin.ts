// Entry point of `npm run -s zeren -- <command>`.
import { main } from './main.ts';

process.exitCode = await main(process.argv.slice(2));
