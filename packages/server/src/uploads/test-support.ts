/** Helpers for HTTP tests of multipart uploads. */
import type { signIn } from '../testing.ts';

type Client = Awaited<ReturnType<typeof signIn>>;
type TestApp = Parameters<typeof signIn>[0];

/** A multipart/form-data body with one file in the field `file` (or another field name). */
export function multipartBody(fileName: string, contentType: string, content: Buffer, field = 'file') {
  const boundary = `----kadr${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, content, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** POSTs a file as a signed-in client (cookie and CSRF token). */
export function upload(
  app: TestApp,
  client: Client,
  url: string,
  fileName: string,
  contentType: string,
  content: Buffer,
  field = 'file',
) {
  const body = multipartBody(fileName, contentType, content, field);
  return app.inject({
    method: 'POST',
    url,
    cookies: { kadr_session: client.cookie },
    headers: { ...body.headers, 'x-csrf-token': client.me.csrfToken },
    payload: body.payload,
  });
}

/** A small valid PDF. */
export const SAMPLE_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
