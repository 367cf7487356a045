// `npm run security`: Electronegativity over the code Electron runs; exits 1 on any HIGH
// finding or any file it could not read. See scripts/securityLint.mjs for what is scanned.
import { tsImport } from 'tsx/esm/api';
import { formatReport, runSecurityLint } from './securityLint.mjs';

const root = new URL('..', import.meta.url);
const { mainWindowOptions } = await tsImport('../electron/main/security/windowOptions.ts', import.meta.url);
// Out of DevTools' two states, both as the app can build them.
const windowOptions = [false, true].map((devTools) => mainWindowOptions('/app/out/preload/index.cjs', devTools));
const result = await runSecurityLint({ root: root.pathname, windowOptions });
console.log(formatReport(result));
process.exit(result.blocking.length > 0 || result.parseErrors.length > 0 ? 1 : 0);
