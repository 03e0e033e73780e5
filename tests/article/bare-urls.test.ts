import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import type { Link, Root } from "mdast";
import { parseMarkdown } from "../../pipeline/article/markdown.ts";

const links = (tree: Root): Link[] => {
  const found: Link[] = [];
  const walk = (node: { type: string; children?: unknown[] }) => {
    if (node.type === "link") found.push(node as Link);
    for (const child of (node.children ?? []) as { type: string }[]) walk(child);
  };
  walk(tree);
  return found;
};
/** Every text a reader sees, in order, links included. */
const plain = (node: { value?: string; children?: unknown[] }): string =>
  node.value !== undefined && !(node as { type?: string }).type?.startsWith("yaml") ? node.value : ((node.children ?? []) as never[]).map(plain).join("");

const stock = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();
const path = fc.stringMatching(/^[a-z0-9/_-]{0,12}$/);
const url = fc
  .tuple(fc.constantFrom("https://", "http://", "www."), fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom(".jp", ".lg.jp", ".com"), path)
  .map((p) => p.join(""));
const japanese = fc.stringMatching(/^[ぁ-んァ-ン一-龯、。「」【】（）！？]{1,12}$/);

describe("a bare URL ends where the Japanese after it begins", () => {
  it("links only the URL and keeps every character of the sentence as text", () => {
    fc.assert(
      fc.property(japanese, url, japanese, (before, address, after) => {
        const raw = `${before}${address}${after}\n`;
        const tree = parseMarkdown(raw);
        const theirs = links(stock.parse(raw) as Root);
        // Nothing is lost or moved: the reader sees the writer's text, in the same order.
        expect(plain(tree)).toBe(plain(stock.parse(raw) as Root));
        expect(links(tree)).toHaveLength(theirs.length);
        const [link] = links(tree);
        if (!link) return; // not an address GFM links (「a.jp_」)
        // GFM's own extent of the address, cut where the Japanese begins.
        const as = plain(theirs[0] as never);
        const cut = as.search(/[^!-~]/);
        const expected = cut < 0 ? as : as.slice(0, cut).replace(/[.,:;!?"'*_~]+$/, "");
        expect(plain(link as never)).toBe(expected);
        expect(link.url.endsWith(expected.replace(/^www\./, ""))).toBe(true);
        expect(expected.startsWith(address.slice(0, 5))).toBe(true);
        if (link.position) expect(raw.slice(link.position.start.offset, link.position.end.offset)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("leaves ASCII documents and the writer's own links exactly as remark reads them", () => {
    const ascii = fc.stringMatching(/^[ -~\n]{0,80}$/);
    fc.assert(
      fc.property(ascii, (raw) => {
        expect(parseMarkdown(raw)).toEqual(stock.parse(raw));
      }),
      { numRuns: 300 },
    );
    for (const raw of ["<https://a.jp/日本>と書きます。\n", "[市のページ](https://a.jp/日本)です。\n", "https://ja.example.org/wiki/%E7%93%A6 です。\n"]) {
      expect(parseMarkdown(raw)).toEqual(stock.parse(raw));
    }
  });

  it("reads the examples writers send", () => {
    const cases: [string, string][] = [
      ["詳しくはhttps://www.city.example.jp/をご覧ください。\n", "https://www.city.example.jp/"],
      ["【参照:https://blog.example.jp/picking/】よりは楽でした。\n", "https://blog.example.jp/picking/"],
      ["申し込みは「www.example.jp/form」から。\n", "http://www.example.jp/form"],
      ["会場（地図はhttps://map.example.jp/a）です。\n", "https://map.example.jp/a"],
    ];
    for (const [raw, expected] of cases) expect(links(parseMarkdown(raw)).map((l) => l.url)).toEqual([expected]);
  });
});
