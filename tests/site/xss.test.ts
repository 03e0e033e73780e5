import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { visit } from "unist-util-visit";
import { articleText } from "../../pipeline/article/article.ts";
import { parseMarkdown } from "../../pipeline/article/markdown.ts";
import { loadRawHtmlSupport, mayHaveHtml, renderBody } from "../../pipeline/site/body.ts";

// The raw-HTML path loads on demand; the site build does this through prepareFor().
await loadRawHtmlSupport();

/** Writers' raw HTML is untrusted: each of these must render inert. */
const corpus: Record<string, string> = {
  "script tag": "<script>alert(1)</script>",
  "script split over lines": "<scr\nipt>alert(1)</script>",
  "event handler": '<img src="x" onerror="alert(1)">',
  "event handler on a div": '<div onclick="alert(1)">押して</div>',
  "javascript: link (Markdown)": "[押して](javascript:alert(1))",
  "javascript: link, mixed case and entities": '<a href="JaVaScRiPt&colon;alert(1)">押して</a>',
  "javascript: link with whitespace": '<a href=" javascript:alert(1)">押して</a>',
  "data: URL": '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">押して</a>',
  "vbscript: URL": '<a href="vbscript:msgbox(1)">押して</a>',
  "SVG onload": '<svg onload="alert(1)"><circle r="5"/></svg>',
  "SVG with script": "<svg><script>alert(1)</script></svg>",
  "MathML trick": "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
  iframe: '<iframe src="https://evil.example/"></iframe>',
  "object and embed": '<object data="evil.swf"></object><embed src="evil.swf">',
  form: '<form action="https://evil.example/"><input name="q"><button>送信</button></form>',
  "style tag": "<style>body{display:none}</style>",
  "style attribute": '<p style="background:url(javascript:alert(1))">文</p>',
  "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  "base tag": '<base href="https://evil.example/">',
  "comment breakout": "<!-- --><script>alert(1)</script><!-- -->",
  "comment breakout, odd ending": "<!--><script>alert(1)</script>-->",
  "HTML entity smuggling": "&lt;script&gt;alert(1)&lt;/script&gt;",
  "link in an image": '![x](x.jpg "a" onerror=alert(1))',
  "clobbering id": '<img name="getElementById"><a id="location">x</a>',
  srcdoc: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  formaction: '<button formaction="javascript:alert(1)">x</button>',
};

const render = (body: string) => {
  const { text: article } = articleText("articles/2026/11/x.md", `---\ntitle: t\nwriter: w\ndate: 2026-11-01\nsummary: s\n---\n\n${body}\n`);
  return renderBody(article!.tree, { source: "articles/2026/11/x.md", basePath: "/", images: new Map() });
};

describe("sanitized article HTML", () => {
  it.each(Object.entries(corpus))("renders %s inert", (_name, input) => {
    const html = render(input).toLowerCase();
    // Text that merely *looks* like markup is fine (it is escaped); elements and attributes are not.
    const tags = html.match(/<[a-z][^>]*>/g) ?? [];
    for (const tag of tags) {
      expect(tag).not.toMatch(/^<(script|iframe|svg|math|style|object|embed|form|input|button|meta|base|link)\b/);
      expect(tag).not.toMatch(/\son[a-z]+\s*=/);
      expect(tag).not.toMatch(/\s(style|srcdoc|formaction)\s*=/);
      expect(tag).not.toMatch(/\s(href|src|action)\s*=\s*"?\s*(javascript|vbscript|data):/);
      expect(tag).not.toMatch(/\s(id|name)="(?!user-content-)/);
    }
  });

  it("keeps what writers legitimately use", () => {
    const html = render("**太字**と[市のページ](https://www.city.hibarino.example/)です。\n\n| 項目 | 内容 |\n| --- | --- |\n| 日時 | 10時 |\n\n> 引用です。");
    expect(html).toContain("<strong>太字</strong>");
    expect(html).toContain('<a href="https://www.city.hibarino.example/">市のページ</a>');
    expect(html).toContain("<table>");
    expect(html).toContain("<blockquote>");
  });

  it("never hotlinks an image that is not one of the repository's checked photos", () => {
    expect(render("![外部](https://tracker.example/pixel.gif)")).not.toContain("tracker.example");
  });
});

describe("loading the raw-HTML parser only when needed", () => {
  const hasHtmlNode = (markdown: string) => {
    let found = false;
    visit(parseMarkdown(markdown), "html", () => {
      found = true;
    });
    return found;
  };

  it("never misses raw HTML: whenever Markdown parses to an html node, mayHaveHtml says so", () => {
    for (const input of Object.values(corpus)) if (hasHtmlNode(input)) expect(mayHaveHtml(input)).toBe(true);
    const piece = fc.constantFrom("<", ">", "a", "B", "/", "!", "?", "-", " ", "\n", "`", "p", "div", "<!--", "-->", "<?", "<![CDATA[", "\\", "&", "日本");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (pieces) => {
        const input = pieces.join("");
        if (hasHtmlNode(input)) expect(mayHaveHtml(input)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it("is not needed for plain Japanese prose, tables and links", () => {
    expect(mayHaveHtml("公民館で講座が開かれました。\n\n| 日時 | 会場 |\n| --- | --- |\n| 10時 | 図書館 |\n\n[市のページ](https://example.jp/) 5 < 6")).toBe(
      false,
    );
  });
});
