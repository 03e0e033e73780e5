import { createHmac } from "node:crypto";
import type { Records } from "./records.ts";

export interface PublishItem {
  /** The article's repository path: the stable id on every channel. */
  source: string;
  hash: string;
  url: string;
  title: string;
  summary: string;
  date: string;
  html: string;
  images: string[];
}

export interface WebhookOptions {
  url: string;
  /** HMAC-SHA256 key, from the environment (never the repository). */
  secret: string;
  retries?: number;
  /** Back-off base in ms (doubles per retry). */
  backoffMs?: number;
  now: () => Date;
  fetch?: typeof fetch;
}

export const SIGNATURE_HEADER = "x-kawaraban-signature-256";

export const sign = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export interface WebhookResult {
  created: string[];
  updated: string[];
  unchanged: string[];
  failed: { source: string; error: string }[];
}

/**
 * POSTs each new or changed article as JSON, signed with HMAC-SHA256 over the exact body
 * (GitHub's webhook convention), with an Idempotency-Key so a receiver can drop repeats.
 * 5xx and network errors are retried with exponential back-off; 4xx are not (they will not heal).
 */
export async function publishToWebhook(items: readonly PublishItem[], records: Records, options: WebhookOptions): Promise<WebhookResult> {
  const result: WebhookResult = { created: [], updated: [], unchanged: [], failed: [] };
  const send = options.fetch ?? fetch;
  for (const item of items) {
    const previous = records[item.source];
    if (previous?.hash === item.hash) {
      result.unchanged.push(item.source);
      continue;
    }
    const event = previous ? "article.updated" : "article.published";
    const body = JSON.stringify({
      event,
      id: item.source,
      url: item.url,
      title: item.title,
      summary: item.summary,
      date: item.date,
      html: item.html,
      images: item.images,
    });
    let lastError = "";
    let delivered = false;
    for (let attempt = 0; attempt <= (options.retries ?? 3) && !delivered; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, (options.backoffMs ?? 1000) * 2 ** (attempt - 1)));
      try {
        const response = await send(options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json; charset=utf-8",
            [SIGNATURE_HEADER]: sign(options.secret, body),
            "x-kawaraban-event": event,
            "idempotency-key": `${item.source}@${item.hash}`,
          },
          body,
        });
        if (response.ok) delivered = true;
        else {
          lastError = `HTTP ${response.status}`;
          if (response.status < 500 && response.status !== 429) break;
        }
      } catch (error) {
        lastError = (error as Error).message;
      }
    }
    if (!delivered) {
      result.failed.push({ source: item.source, error: lastError });
      continue;
    }
    records[item.source] = { hash: item.hash, url: item.url, remoteId: item.source, publishedAt: options.now().toISOString() };
    (previous ? result.updated : result.created).push(item.source);
  }
  return result;
}
