import type { Context } from 'hono';

/** An export as a service produces it: the bytes as the client pulls them, their type and name. */
export interface Download {
  body: ReadableStream<Uint8Array>;
  contentType: string;
  filename: string;
}

/** The 200 answer that hands a download to the browser as an attachment. */
export function downloadResponse(c: Context, file: Download): Response {
  return c.body(file.body, 200, {
    'content-type': file.contentType,
    'content-disposition': `attachment; filename="${file.filename}"`,
  });
}
