import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import { parseConfig } from "../../pipeline/article/config.ts";
import { siteContext } from "../../pipeline/site/model.ts";
import { writerModel, writerPage, webOrigin } from "../../pipeline/writer/page.ts";
import type { Brief } from "../../pipeline/desk/brief.ts";
import { SAMPLE_ROOT } from "../support/repo.ts";

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
const elements = (node: Node): Node[] => [node, ...(node.childNodes ?? []).flatMap(elements)];

describe("the writer's page as HTML", () => {
  const parsed = parseConfig(readFileSync(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8"));
  if (!parsed.ok) throw new Error("sample config");
  const config = parsed.config;
  const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> "引用" & 依頼';
  const brief = { id: "2026-12/x", path: "briefs/2026-12/x.yml", title: hostile, deadline: "2026-12-20", status: "open", fee: 99999 } as Brief;
  const model = writerModel(config, [brief], [hostile], "city/kawaraban", "## 記事\n");
  const html = writerPage(siteContext(config, undefined, "2026-12-02"), model);

  it("carries strangers' text as data only: two scripts (its JSON and page.js), no handlers, the JSON intact", () => {
    const all = elements(parse(html) as unknown as Node);
    const scripts = all.filter((e) => e.nodeName === "script");
    expect(scripts.map((s) => s.attrs?.map((a) => `${a.name}=${a.value}`).join(" "))).toEqual([
      "type=application/json id=kawaraban-writer",
      "src=page.js defer=",
    ]);
    expect(all.filter((e) => e.nodeName === "img")).toEqual([]);
    expect(all.some((e) => e.attrs?.some((a) => a.name.startsWith("on")))).toBe(false);
    const data = JSON.parse(scripts[0]!.childNodes![0]!.value!);
    expect(data.briefs[0].title).toBe(hostile);
    expect(data.tags).toEqual([hostile]);
  });

  it("publishes no money and no real names: writers by handle and display name only, briefs without fees", () => {
    expect(html).not.toContain("99999");
    for (const w of Object.values(config.writers)) {
      if (w.invoiceName && w.invoiceName !== w.name) expect(html).not.toContain(w.invoiceName);
    }
    expect(html).not.toContain(config.payer.name);
  });

  it("allows connections to the configured API only, and finds GitHub's web pages from it", () => {
    const csp = elements(parse(html) as unknown as Node)
      .find((e) => e.attrs?.some((a) => a.name === "http-equiv" && a.value === "Content-Security-Policy"))
      ?.attrs?.find((a) => a.name === "content")?.value;
    expect(csp).toContain("connect-src 'self' https://api.github.com;");
    expect(csp).toContain("default-src 'none'");
    expect(webOrigin("https://api.github.com")).toBe("https://github.com");
    expect(webOrigin("https://github.example.jp/api/v3")).toBe("https://github.example.jp");
  });
});
