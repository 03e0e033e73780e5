import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, findRoot, type Io } from "../cli-io.ts";
import { loadConfig } from "../article/config.ts";
import { workTree } from "../source/work-tree.ts";
import { git } from "../git/git.ts";
import { commitSnapshot } from "../source/commit.ts";
import { hasCommit } from "../git/objects.ts";
import { escapeMarkdown } from "../github/findings.ts";
import { githubFromEnv } from "../github/env-client.ts";
import { AUTOFIX_CHECKBOX, applyAutofix, parseBundle, validateAutofix, type AutofixBundle } from "../github/autofix.ts";

export const autofixHelp = `使い方: kawaraban autofix prepare --pr <番号> --head-sha <SHA> --base-sha <SHA> --out <ファイル>
       kawaraban autofix apply --bundle <ファイル>
       kawaraban autofix requested --pr <番号> --sender <チェックを入れた人>
       kawaraban autofix clear --pr <番号> [--reason <理由>]

  プルリクエストのまとめの「直せるところを直す」にチェックが入ったときに、GitHub Actions（autofix.yml）から使います。
  prepare    権限のないジョブで: 直した記事と写真（check --fix・images --fix のあと）をまとめます
  apply      書き込めるジョブで: まとめを確かめ（この PR が追加・変更した記事と写真だけか）、PR のブランチにコミットします
  requested  まとめのコメントにチェックが入っていて、入れたのが PR を作った人か編集担当か、PR のブランチに
             書き込めるかを確かめます（よければ 0 と head_sha・base_sha、だめなら 1 と reason）
  clear      チェックを外し、理由があれば PR に返事をします（頼まれた処理が終わったあと）
`;

export async function autofixCommand(argv: string[], io: Io): Promise<number> {
  const [sub, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      pr: { type: "string" },
      "head-sha": { type: "string" },
      "base-sha": { type: "string" },
      out: { type: "string" },
      bundle: { type: "string" },
      sender: { type: "string" },
      reason: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help || !sub) {
    io.stdout.write(autofixHelp);
    return values.help ? EXIT.ok : EXIT.failure;
  }
  const sha = (s: string | undefined, name: string) => {
    if (!s || !/^[0-9a-f]{40}$/.test(s)) throw new UsageError(`--${name} には 40 文字のコミット SHA を指定してください。`);
    return s;
  };
  const pr = () => {
    if (!values.pr || !/^[1-9][0-9]{0,8}$/.test(values.pr)) throw new UsageError("--pr にはプルリクエストの番号を指定してください。");
    return Number(values.pr);
  };
  if (sub === "prepare") return prepare(io, pr(), sha(values["head-sha"], "head-sha"), sha(values["base-sha"], "base-sha"), values.out);
  if (sub === "apply") return apply(io, values.bundle);
  if (sub === "requested") return requested(io, pr(), values.sender);
  if (sub === "clear") return clear(io, pr(), values.reason);
  throw new UsageError(`不明なサブコマンドです: ${sub}\n\n${autofixHelp}`);
}

/** The PR's own articles and photos that differ, in the working tree, from the head's blobs. */
async function prepare(io: Io, number: number, headSha: string, baseSha: string, out: string | undefined): Promise<number> {
  if (!out) throw new UsageError("--out にはまとめを書き出すファイルを指定してください。");
  const root = await findRoot(io.cwd);
  const changed = (await git(root, ["diff", "--name-only", "-z", "--diff-filter=AM", `${baseSha}...${headSha}`, "--", "articles", "assets"]))
    .split("\0")
    .filter(Boolean);
  const bundle: AutofixBundle = { version: 1, pr: number, headSha, files: [] };
  // Read through the work tree snapshot: a link the PR put there is refused, never followed.
  const tree = await workTree(root);
  for (const file of changed.slice(0, 100)) {
    const read = await tree.read(file, 30 * 1024 * 1024);
    if (!read.ok) continue;
    const local = read.bytes;
    const headBlob = (await git(root, ["rev-parse", `${headSha}:${file}`]).catch(() => "")).trim();
    const localBlob = (await git(root, ["hash-object", "--", file]).catch(() => "")).trim();
    if (localBlob && localBlob !== headBlob) bundle.files.push({ path: file, base64: local.toString("base64") });
  }
  await writeFile(path.resolve(io.cwd, out), JSON.stringify(bundle));
  io.stdout.write(`直したファイル: ${bundle.files.length} 件\n`);
  return EXIT.ok;
}

/**
 * Whether this request may run: kawaraban's own summary has the box ticked, the one who ticked it
 * is the PR's author or a configured editor, and the PR's branch is one kawaraban may write (this
 * repository's, not the default branch). Prints `head_sha`/`base_sha`, or `reason` (one line).
 */
async function requested(io: Io, number: number, sender: string | undefined): Promise<number> {
  const { client: gh, repo } = githubFromEnv(io);
  const refuse = (reason: string) => {
    io.stdout.write(`reason=${reason.replace(/[\r\n]/g, " ")}\n`);
    return EXIT.contentErrors;
  };
  const summary = await summaryComment(io, number);
  if (!summary || !AUTOFIX_CHECKBOX.test(summary.body ?? "")) return refuse("まとめのコメントにチェックが入っていません。");
  const pull = (await gh.rest.pulls.get({ ...repo, pull_number: number })).data;
  const root = await findRoot(io.cwd);
  const loaded = await loadConfig(await workTree(root));
  const editors = loaded.ok ? loaded.config.github.editors.map((e) => e.toLowerCase()) : [];
  const who = (sender ?? "").toLowerCase();
  if (!who || (who !== pull.user?.login?.toLowerCase() && !editors.includes(who))) {
    return refuse(`直す依頼は、プルリクエストを作った人か編集担当だけが出せます（チェックを入れたのは @${sender ?? "不明"} さんです）。`);
  }
  if (pull.state !== "open") return refuse("プルリクエストが閉じられています。");
  if (pull.head.repo?.full_name !== `${repo.owner}/${repo.repo}`) return refuse("フォークからのプルリクエストのブランチには、kawaraban は書き込めません。");
  const defaultBranch = (pull.base as { repo?: { default_branch?: string } | null }).repo?.default_branch ?? "main";
  if (pull.head.ref === defaultBranch) return refuse("既定のブランチ（main）を先頭にしたプルリクエストには、kawaraban は書き込みません。");
  io.stdout.write(`head_sha=${pull.head.sha}\nbase_sha=${pull.base.sha}\n`);
  return EXIT.ok;
}

/** kawaraban's own summary comment on the PR (only its comments count). */
async function summaryComment(io: Io, number: number) {
  const { client: gh, repo, botLogin } = githubFromEnv(io);
  const { SUMMARY_MARKER } = await import("../github/findings.ts");
  const comments = await gh.paginate(gh.rest.issues.listComments, { ...repo, issue_number: number, per_page: 100 });
  return comments.find((c) => c.user?.login === botLogin && c.body?.startsWith(SUMMARY_MARKER));
}

/** The request is done (or refused): the box is unticked, so a later tick is a new request; the reason, if any, is said. */
async function clear(io: Io, number: number, reason: string | undefined): Promise<number> {
  const { client: gh, repo } = githubFromEnv(io);
  const summary = await summaryComment(io, number);
  if (summary?.body && AUTOFIX_CHECKBOX.test(summary.body)) {
    await gh.rest.issues.updateComment({
      ...repo,
      comment_id: summary.id,
      body: summary.body.replace(/^- \[[xX]\] (.*<!-- kawaraban:autofix -->)$/m, "- [ ] $1"),
    });
  }
  if (reason)
    await gh.rest.issues.createComment({ ...repo, issue_number: number, body: `直す依頼を受け付けませんでした: ${escapeMarkdown(reason.slice(0, 300))}` });
  return EXIT.ok;
}

async function apply(io: Io, file: string | undefined): Promise<number> {
  if (!file) throw new UsageError("--bundle には prepare が書き出したファイルを指定してください。");
  const bundle = parseBundle(await readFile(path.resolve(io.cwd, file), "utf8"));
  if (!bundle) throw new UsageError("まとめのファイルの形が正しくありません。");
  const root = await findRoot(io.cwd);
  const loaded = await loadConfig(await workTree(root));
  if (!loaded.ok) throw new UsageError("kawaraban.config.yml に問題があります。");
  const { client: gh, repo } = githubFromEnv(io);
  const say = (body: string) => gh.rest.issues.createComment({ ...repo, issue_number: bundle.pr, body });
  const pull = await gh.rest.pulls.get({ ...repo, pull_number: bundle.pr });
  if (pull.data.head.repo?.full_name !== `${repo.owner}/${repo.repo}`) {
    await say(
      "フォークからのプルリクエストのブランチには、kawaraban は書き込めません。手元で `npx kawaraban check --fix` と `npx kawaraban images --fix` を実行して、プッシュしてください。",
    );
    return EXIT.contentErrors;
  }
  const defaultBranch = (pull.data.base as { repo?: { default_branch?: string } | null }).repo?.default_branch ?? "main";
  if (pull.data.head.ref === defaultBranch) {
    await say("既定のブランチ（main）を先頭にしたプルリクエストには、kawaraban は書き込みません。");
    return EXIT.contentErrors;
  }
  if (!(await hasCommit(root, pull.data.head.sha)))
    throw new UsageError(
      `コミット ${pull.data.head.sha.slice(0, 7)} がありません。先に git fetch origin ${pull.data.head.sha} を実行してください（チェックアウトはしません）。`,
    );
  const files = await gh.paginate(gh.rest.pulls.listFiles, { ...repo, pull_number: bundle.pr, per_page: 100 });
  const head = await commitSnapshot(root, pull.data.head.sha);
  const checked = await validateAutofix(bundle, { headSha: pull.data.head.sha, files }, loaded.config, head);
  if (!checked.ok) {
    await say(`直したファイルを取り込みませんでした。\n\n${checked.problems.map((p) => `- ${escapeMarkdown(p)}`).join("\n")}`);
    await clear(io, bundle.pr, undefined);
    return EXIT.contentErrors;
  }
  if (checked.files.length === 0) {
    await say("直せるところは見つかりませんでした（ほかの指摘は、まとめのとおり手で直してください）。");
    await clear(io, bundle.pr, undefined);
    return EXIT.ok;
  }
  const commit = await applyAutofix(gh, repo, pull.data.head.ref, pull.data.head.sha, checked.files);
  await say(`直したファイル ${checked.files.length} 件をコミットしました（${commit.slice(0, 7)}）: ${checked.files.map((f) => `\`${f.path}\``).join("、")}`);
  await clear(io, bundle.pr, undefined);
  io.stdout.write(`${commit}\n`);
  return EXIT.ok;
}
