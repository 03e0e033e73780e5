import { parseMarkdown } from "../article/markdown.ts";
import { renderBody } from "./body.ts";
import { esc } from "./templates.ts";
import type { SiteContext } from "./model.ts";

/** The pages every municipal site has, linked from every footer; text from the config or these defaults. */
export interface PolicyPage {
  /** Below the site root (reserved for the site in article-path.ts). */
  path: string;
  title: string;
  html: string;
}

const defaultPrivacy = (org: string) => `このサイトは${org}が運営しています。

## 集める情報

このサイトには、問い合わせフォームや会員登録はありません。閲覧のために個人を特定する情報を集めることはありません。

## アクセスの記録

サイトを置いているサービス（GitHub Pages）は、安全な運用のために、閲覧した日時・ページ・IP アドレスなどを記録することがあります。運営者がこの記録を使って閲覧した人を特定することはありません。

## 写真と記事に写る人

記事の写真は、写っている人の了解を得て載せています。写真の位置情報（GPS）などは、公開の前にすべて取り除いています。掲載をやめてほしい写真や記述があるときは、問い合わせ先までご連絡ください。

## 外部のサイト

記事からリンクしている外部のサイトでの情報の扱いは、それぞれのサイトの方針によります。`;

const defaultCopyright = (org: string, site: string) => `## 著作権

「${site}」に載っている記事・写真の著作権は、${org}と、記事を書いた市民ライターにあります。私的な利用や引用の範囲を超えて使うときは、問い合わせ先までご相談ください。

## 引用

引用するときは、出典（サイト名と記事のページのアドレス）を明らかにしてください。

## リンク

このサイトへのリンクは自由です。連絡はいりません。ただし、このサイトの内容を自分のサイトの一部のように見せるリンク（フレームの中に表示するなど）はお断りします。`;

function markdownHtml(markdown: string): string {
  return renderBody(parseMarkdown(markdown), { source: "kawaraban.config.yml", basePath: "/", images: new Map() });
}

export function policyPages(ctx: SiteContext): PolicyPage[] {
  const { config } = ctx;
  const contact = config.pages.contact ?? {};
  const org = contact.organization ?? config.payer.name;
  const rows = [
    ["担当", esc(org)],
    ...(contact.phone ? [["電話", `<a href="tel:${esc(contact.phone.replace(/[^0-9]/g, ""))}">${esc(contact.phone)}</a>`]] : []),
    ...(contact.email ? [["メール", `<a href="mailto:${esc(contact.email)}">${esc(contact.email)}</a>`]] : []),
    ...(contact.form ? [["問い合わせフォーム", `<a href="${esc(contact.form)}">${esc(contact.form)}</a>`]] : []),
    ...(contact.hours ? [["受付時間", esc(contact.hours)]] : []),
  ];
  const contactHtml = `<p>このサイトの記事や写真についてのお問い合わせ、掲載の取り下げのご依頼は、次の窓口で受け付けています。</p>
<table class="contact"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join("")}</tbody></table>`;
  return [
    { path: "contact/", title: "問い合わせ先", html: contactHtml },
    { path: "privacy/", title: "プライバシーポリシー", html: markdownHtml(config.pages.privacy?.body ?? defaultPrivacy(org)) },
    { path: "copyright/", title: "著作権・リンクについて", html: markdownHtml(config.pages.copyright?.body ?? defaultCopyright(org, config.site.title)) },
  ];
}
