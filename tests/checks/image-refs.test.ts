import { describe, it, expect } from "vitest";
import { resolveImageUrl } from "../../pipeline/article/image-refs.ts";

const from = "articles/2026/11/satoyama.md";

describe("resolveImageUrl", () => {
  it.each([
    ["../../../assets/2026/11/a.jpg", "assets/2026/11/a.jpg"],
    ["/assets/2026/11/a.jpg", "assets/2026/11/a.jpg"],
    ["../../../assets/2026/11/%E5%86%99%E7%9C%9F.jpg", "assets/2026/11/写真.jpg"],
    ["../../../assets/a.jpg?v=2#x", "assets/a.jpg"],
  ])("resolves %s", (url, repoPath) => {
    expect(resolveImageUrl(from, url)).toEqual({ ok: true, repoPath });
  });

  it.each([
    ["https://example.com/a.jpg", "image/external-url"],
    ["//cdn.example/a.jpg", "image/external-url"],
    ["javascript:alert(1)", "image/external-url"],
    ["file:///etc/passwd", "image/external-url"],
    ["C:\\photos\\a.jpg", "image/external-url"],
    ["..\\..\\assets\\a.jpg", "image/bad-path"],
    ["../../../../etc/passwd", "image/outside-assets"],
    ["%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "image/outside-assets"],
    ["/etc/passwd", "image/outside-assets"],
    ["a.jpg", "image/outside-assets"],
    ["../../../assets/%E0%A4%A.jpg", "image/bad-path"],
    ["../../../assets/a%00.jpg", "image/bad-path"],
  ])("refuses %s", (url, ruleId) => {
    const result = resolveImageUrl(from, url);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.rule.id).toBe(ruleId);
  });
});
