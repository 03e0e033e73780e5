import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readFile, writeFile, readdir } from "node:fs/promises";
import path from "node:path";
import { copySampleContent } from "../support/sample-repo.ts";
import { runCli } from "../support/cli.ts";
import { sign, SIGNATURE_HEADER } from "../../pipeline/channels/webhook.ts";

const NOW = new Date("2026-11-23T03:00:00Z");
const SECRET = "test-secret";

/** A local receiver that checks every signature and can fail on demand. */
class Receiver {
  received: { event: string; id: string; key: string; body: Record<string, unknown> }[] = [];
  badSignatures = 0;
  failNext = 0;
  private server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      if (this.failNext > 0) {
        this.failNext--;
        res.writeHead(502).end();
        return;
      }
      if (req.headers[SIGNATURE_HEADER] !== sign(SECRET, raw)) {
        this.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      const body = JSON.parse(raw);
      this.received.push({ event: String(req.headers["x-kawaraban-event"]), id: body.id, key: String(req.headers["idempotency-key"]), body });
      res.writeHead(204).end();
    });
  });
  url = "";
  async start() {
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
    return this;
  }
  stop() {
    this.server.close();
  }
}

let receiver: Receiver;
beforeAll(async () => {
  receiver = await new Receiver().start();
});
afterAll(() => receiver.stop());

async function repoWithWebhook(): Promise<string> {
  const root = await copySampleContent();
  const config = path.join(root, "kawaraban.config.yml");
  await writeFile(config, `${await readFile(config, "utf8")}\nchannels:\n  webhook:\n    url: ${receiver.url}\n`);
  return root;
}

const env = { KAWARABAN_WEBHOOK_SECRET: SECRET, KAWARABAN_WEBHOOK_BACKOFF_MS: "5" };

describe("publish --channel webhook", () => {
  it("POSTs each article once, signed, retries a 502, and never duplicates on re-publish", async () => {
    receiver.received = [];
    const root = await repoWithWebhook();
    receiver.failNext = 1;
    const first = await runCli(["publish", "--channel", "webhook"], root, env, NOW);
    expect(first.stdout).toContain("webhook: 新規 8 件、更新 0 件、変更なし 0 件");
    expect(first.code).toBe(0);
    expect(receiver.badSignatures).toBe(0);
    expect(receiver.received).toHaveLength(8);
    expect(receiver.received[0]!.body).toMatchObject({ event: "article.published", url: expect.stringMatching(/^https:\/\/example\.github\.io\/kawaraban\//) });
    expect(receiver.received[0]!.body.html).toEqual(expect.stringContaining("<p>"));
    const records = JSON.parse(await readFile(path.join(root, "channels/webhook.json"), "utf8"));
    expect(Object.keys(records)).toHaveLength(8);

    const again = await runCli(["publish", "--channel", "webhook"], root, env, NOW);
    expect(again.stdout).toContain("新規 0 件、更新 0 件、変更なし 8 件");
    expect(receiver.received).toHaveLength(8);

    const article = path.join(root, "articles/2026/11/bousai.md");
    await writeFile(article, (await readFile(article, "utf8")).replace("およそ200人", "およそ250人"));
    const updated = await runCli(["publish", "--channel", "webhook"], root, env, NOW);
    expect(updated.stdout).toContain("新規 0 件、更新 1 件");
    expect(receiver.received.at(-1)).toMatchObject({ event: "article.updated", id: "articles/2026/11/bousai.md" });
    // Built in a throw-away folder: no output state is kept for it.
    const kept = await readdir(path.join(root, ".cache/kawaraban/site")).catch(() => [] as string[]);
    expect(kept.filter((f) => f.startsWith("output-"))).toEqual([]);
  });

  it("refuses to run without the signing secret, and reports undeliverable articles with exit 1", async () => {
    const root = await repoWithWebhook();
    expect((await runCli(["publish", "--channel", "webhook"], root, {}, NOW)).stderr).toContain("KAWARABAN_WEBHOOK_SECRET");
    receiver.failNext = 100;
    const failed = await runCli(["publish", "--channel", "webhook"], root, env, NOW);
    receiver.failNext = 0;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain("届けられませんでした");
  });
});

describe("publish --channel note-export", () => {
  it("writes a ready-to-paste bundle per article and records the posted URL", async () => {
    const root = await copySampleContent();
    const result = await runCli(["publish", "--channel", "note-export", "--out", "out"], root, {}, NOW);
    expect(result.stdout).toContain("note 用に 8 件を書き出しました");
    const bundle = path.join(root, "out/note/2026-11-satoyama-walk");
    expect((await readdir(bundle)).sort()).toEqual(["article.html", "checklist.md", "satoyama-960.jpg"]);
    const html = await readFile(path.join(bundle, "article.html"), "utf8");
    expect(html).toContain('<img src="satoyama-960.jpg" alt="色づいた木々の間の山道を');
    expect(html).not.toContain("<picture>");
    const recorded = await runCli(
      ["publish", "--channel", "note-export", "--record", "articles/2026/11/satoyama-walk.md", "--url", "https://note.com/hibarino/n/n123"],
      root,
      {},
      NOW,
    );
    expect(recorded.stdout).toContain("記録しました");
    const again = await runCli(["publish", "--channel", "note-export", "--out", "out2"], root, {}, NOW);
    expect(again.stdout).toContain("note 用に 7 件を書き出しました");
  });
});
