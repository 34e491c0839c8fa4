/**
 * zod as the web app uses it: compiled parsers off before any schema is built. They are made with
 * `new Function`, which the server's Content-Security-Policy (`default-src 'self'`, no 'unsafe-eval') forbids,
 * and even zod's probe for it would be reported as a violation; zod decides when an object schema is built,
 * not when it parses. The build resolves every other `import … from 'zod'` to this module (zodThroughJitless in
 * vite.config.ts), so the setting runs before the importing module's schemas, whenever zod first loads: the
 * first page does not load it, a form does.
 */
import { z } from 'zod';

z.config({ jitless: true });

export * from 'zod';
