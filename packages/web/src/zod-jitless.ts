/**
 * Turns off zod's compiled parsers before any schema is built: they are made with `new Function`, which
 * the server's Content-Security-Policy (`default-src 'self'`, no 'unsafe-eval') forbids, and even zod's
 * probe for it would be reported as a violation. Imported first by main.tsx, because zod decides when
 * an object schema is built, not when it parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
