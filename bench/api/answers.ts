// `tsx bench/api/answers.ts pglite <folder> | postgres <url>`: prints, as one JSON object, the answers (status and
// body) of the list endpoints that bench:api measures, with several filters, sorts and pages, as the admin and as a
// partner. The database is seeded with the demo once and kept, so that two versions of the code can be compared
// byte for byte on the same rows (the seed's timestamps change with every seed):
//   tsx bench/api/answers.ts postgres postgres://postgres@127.0.0.1:5432/kadr_answers > before.json
//   (change the code)  tsx bench/api/answers.ts postgres ... > after.json && cmp before.json after.json
// The PostgreSQL database must exist (createdb); a PGlite folder is created. Signing in adds a session and leaves
// the listed records as they are.
import { createWriteStream } from 'node:fs';
import { openDatabase } from '@kadr/db';
import { buildApp, seedDemo } from '@kadr/server';

const PASSWORD = 'bench-password-1';
const [kind, where] = process.argv.slice(2);
if ((kind !== 'pglite' && kind !== 'postgres') || !where)
  throw new Error('usage: answers.ts pglite <folder> | postgres <url>');

/** Each list with its filters, sorts and pages (the first page as bench:api asks for it, first). */
const PATHS = [
  '/api/investments',
  '/api/investments?sort=-amountTiyn&pageSize=100',
  '/api/investments?sort=createdAt&page=2',
  '/api/investments?source=ppp_partner&sort=-investedOn',
  '/api/investments?q=lab&from=2023-01-01&to=2025-12-31',
  '/api/investments?labId=1',
  '/api/investments?equipmentId=2',
  '/api/investments?organisationId=2&sort=source',
  '/api/investments?page=999',
  '/api/organisations',
  '/api/organisations?kind=company&sort=-createdAt',
  '/api/organisations?q=univ&sort=country',
  '/api/organisations?page=2&pageSize=10',
  '/api/organisations?page=999',
  '/api/agreements',
  '/api/agreements?status=active&sort=-validUntil',
  '/api/agreements?status=expiring',
  '/api/agreements?status=expired&pageSize=100',
  '/api/agreements?organisationId=2&sort=signedOn',
  '/api/agreements?q=20&sort=-createdAt&page=2&pageSize=10',
  '/api/equipment',
  '/api/equipment?condition=good&sort=-costTiyn',
  '/api/equipment?labId=1&sort=name',
  '/api/equipment?fundedBy=2',
  '/api/equipment?q=a&sort=-acquiredOn&page=2&pageSize=50',
  '/api/partners',
  '/api/partners?sort=-investedTiyn',
  '/api/partners?kind=company&sort=country',
  '/api/partners?branchStatus=open',
  '/api/partners?q=a&page=2&pageSize=5',
  '/api/audit',
  '/api/audit?entity=organisation&sort=entity',
  '/api/audit?action=create&page=3&pageSize=100',
  '/api/audit?sort=-action&page=2',
];
/** What a partner sees of the lists it may read (its own organisation's records). */
const PARTNER_PATHS = ['/api/investments', '/api/organisations', '/api/agreements', '/api/partners'];

const database = await openDatabase(kind === 'pglite' ? { kind, dataDir: where } : { kind, url: where });
await seedDemo(database.db, PASSWORD);
const app = await buildApp({ database, logger: { level: 'warn', stream: createWriteStream('/dev/null') } });

async function cookieOf(email: string): Promise<string> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password: PASSWORD },
  });
  if (login.statusCode !== 200)
    throw new Error(`sign-in of ${email} failed: ${login.statusCode} ${login.body}`);
  return `kadr_session=${login.cookies.find((c) => c.name === 'kadr_session')!.value}`;
}

const answers: Record<string, { status: number; body: string }> = {};
for (const [who, paths] of [
  ['admin', PATHS],
  ['partner', PARTNER_PATHS],
] as const) {
  const cookie = await cookieOf(`${who}@demo.kadr.kz`);
  for (const path of paths) {
    const response = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    // Asked twice: a list's first page of a shape prepares it, later ones may run it without building the select.
    const again = await app.inject({ method: 'GET', url: path, headers: { cookie } });
    if (again.body !== response.body)
      throw new Error(`${who} ${path}: a second request answered other bytes`);
    answers[`${who} ${path}`] = { status: response.statusCode, body: response.body };
  }
}
process.stdout.write(`${JSON.stringify(answers, null, 1)}\n`);
await app.close();
await database.close();
