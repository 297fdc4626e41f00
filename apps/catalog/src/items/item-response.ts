import { ItemResult } from './catalog-item.service';

/** Sends an item with its ETag (and Location on create). */
export function sendItem(reply: any, result: ItemResult, location?: string): Record<string, unknown> {
  reply.header('etag', result.etag);
  if (location) reply.header('location', location);
  return result.view;
}
