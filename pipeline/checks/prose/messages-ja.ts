/**
 * textlint and remark-lint messages in plain Japanese. Many textlint-ja rules already speak
 * Japanese (their first line is kept; the long explanations are cut to what a writer needs);
 * the English ones are rewritten here, so no raw English reaches a writer.
 */

type Rewrite = (message: string) => string;

const quoted = (message: string) => /"([^"]+)"/.exec(message)?.[1] ?? "";

const textlintRewrites: Record<string, Rewrite> = {
  "sentence-length": (m) => {
    const [, length, max] = /length\((\d+)\).*?of (\d+)/.exec(m) ?? [];
    return `一文が長すぎます（${length} 文字、目安は ${max} 文字まで）。2 つ以上の文に分けると読みやすくなります。`;
  },
  "max-comma": (m) => `一つの文にカンマ（,）が多すぎます（${/Maximum is (\d+)/.exec(m)?.[1] ?? "3"} つまで）。文を分けてください。`,
  "max-ten": (m) => `一つの文に読点（、）が ${/(\d+)つ以上/.exec(m)?.[1] ?? "4"} つ以上あります。文を分けるか、言い換えてください。`,
  "max-kanji-continuous-len": (m) => {
    const [, count, text] = /漢字が(\d+)つ以上連続しています: (.*)$/.exec(m.split("\n")[0] ?? "") ?? [];
    return `漢字が ${count} 文字以上続いています（${text}）。ひらがなを交えるか言い換えると読みやすくなります。固有名詞なら proper-nouns.yml に登録してください。`;
  },
  "ja-no-mixed-period": () => "文の終わりに「。」を付けてください。",
  // 「本文: "である"調 と "ですます"調 が混在\n=> "ですます"調 の文体に、次の "である"調 の箇所があります: "である。"」
  "no-mix-dearu-desumasu": (m) => {
    const style = (s: string | undefined) => (s === "ですます" ? "です・ます調" : "だ・である調");
    const [, expected, actual, words] =
      /=>\s*"(ですます|である)"\s*調\s*の文体に、次の\s*"(ですます|である)"\s*調\s*の箇所があります(?::\s*"([^"\n]*)")?/u.exec(m) ?? [];
    if (!expected) return "です・ます調とだ・である調が混ざっています。どちらかにそろえてください。";
    const where = words ? `「${words}」は` : "この文は";
    return `${where}${style(actual)}です。記事のほかの文に合わせて、${style(expected)}にそろえてください。`;
  },
  "no-double-negative-ja": (m) => `二重否定（${m.replace(/^二重否定:\s*/, "").split("\n")[0]}）は分かりにくいので、肯定の形で書いてください。`,
  "no-dropping-the-ra": () => "ら抜き言葉です。「見れる」を「見られる」とするように、「ら」を入れてください。",
  "no-nfd": (m) => {
    const [, , expected] = /"(.+?)" => "(.+?)"/.exec(m) ?? [];
    return `濁点・半濁点が分かれた文字があります（Mac からコピーした文字に多い）。「${expected ?? ""}」に直してください。`;
  },
  "no-hankaku-kana": (m) => `半角カタカナ（${quoted(m)}）は全角で書いてください。`,
  "no-unmatched-pair": (m) => `「${/for (.)/.exec(m)?.[1] ?? ""}」に対応する閉じかっこがありません。`,
  "no-zero-width-spaces": () => "見えない文字（ゼロ幅スペース）が入っています。削除してください。",
  "no-invalid-control-character": () => "見えない制御文字が入っています。削除してください。",
  "no-exclamation-question-mark": (m) => `半角の「${quoted(m)}」は使わず、全角の「！」「？」にしてください。`,
  "arabic-kanji-numbers": (m) => {
    const [, from, to] = /^(.+?) => (.+?)$/m.exec(m) ?? [];
    return `「${from}」は「${to}」と書きます。数えられるものは算用数字で書きます。`;
  },
  prh: (m) => {
    const [first, ...rest] = m.split("\n");
    const [, from, to] = /^(.+?) => (.+?)(?:（|\(|$)/.exec(first ?? "") ?? [];
    const reason = rest.join(" ").trim() || /（(.+)）$/.exec(first ?? "")?.[1] || "";
    return reason ? `「${from}」→「${to}」: ${reason.replace(/。?$/, "")}。` : `「${from}」は「${to}」と書きます。`;
  },
  // The city's required 表記 is textlint-rule-prh under a second name: the same messages.
  "city-required": (m) => textlintRewrites.prh!(m),
  "no-doubled-joshi": (m) => `一文に助詞「${quoted(m)}」が 2 回以上使われています。文を分けるか、言い回しを変えてください。`,
};

const remarkMessages: Record<string, string> = {
  "final-newline": "ファイルの最後に改行を入れてください。",
  "list-item-bullet-indent": "箇条書きの記号（- など）の前に空白を入れないでください。",
  "list-item-indent": "箇条書きの記号（- など）の後ろは半角スペース 1 つにしてください。",
  "no-blockquote-without-marker": "引用の各行の先頭に「>」を付けてください。",
  "ordered-list-marker-style": "番号付きの箇条書きは「1.」のように半角のピリオドで書いてください。",
  "hard-break-spaces": "行末の空白による改行は見えにくいので、段落を分けるか、空白を消してください。",
  "no-duplicate-definitions": "同じ名前のリンク定義が 2 つあります。",
  "no-heading-content-indent": "見出しの「#」の後ろは半角スペース 1 つにしてください。",
  "no-shortcut-reference-image": "画像の参照は ![説明][名前] のように書いてください。",
  "no-shortcut-reference-link": "リンクの参照は [文字][名前] のように書いてください。",
  "no-undefined-references": "参照しているリンク定義（[名前]: URL）が見つかりません。",
  "no-unused-definitions": "使われていないリンク定義があります。不要なら消してください。",
  "no-duplicate-headings": "同じ見出しが 2 回あります。読者が区別できるように、見出しを変えてください。",
  "no-empty-url": "リンクまたは画像の URL が空です。",
  "no-consecutive-blank-lines": "空行が続いています。段落の間の空行は 1 行にしてください。",
  "no-hidden-table-cell": "表の行のセルが見出し行より多く、はみ出したセルは表示されません。",
};

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The last segment of a textlint rule id (`ja-technical-writing/sentence-length` → `sentence-length`). */
export const ruleName = (ruleId: string) => ruleId.slice(ruleId.lastIndexOf("/") + 1);

export function textlintMessageJa(ruleId: string, message: string): string {
  const rewrite = textlintRewrites[ruleName(ruleId)];
  if (rewrite) return rewrite(message);
  // Some rules prefix a message with the name of their internal dictionary (「【dict2】」): not for writers.
  const first = (message.split("\n")[0] ?? "").replace(/【dict\d*】\s*/gu, "").trim();
  return JAPANESE.test(first) ? first : `文章の書き方を確認してください（${ruleId}）。`;
}

export function remarkMessageJa(ruleId: string): string {
  return remarkMessages[ruleId] ?? `Markdown の書き方を確認してください（${ruleId}）。`;
}
