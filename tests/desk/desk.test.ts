import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { GithubSim } from "../support/github-sim.ts";
import { mkdir, readFile, writeFile, rm } from "node:fs/promises";
import path from "node:path";
import { URL } from "node:url";
import { REPO_ROOT, gitAt, mergePr } from "../support/repo.ts";
import { runCli } from "../support/cli.ts";
import { copySampleContent } from "../support/sample-repo.ts";

/**
 * The desk on a fixture month, in a real git repository: briefs in every state, a branch under
 * review, a delivered (billed) article, a cancelled brief, capacities.
 */
const brief = (title: string, deadline: string, extra = "") => `title: "${title}"\ncategory: kurashi\ndeadline: ${deadline}\n${extra}`;
const article = (title: string, writer: string, id: string, body = "本文です。") =>
  `---\ntitle: ${title}\nwriter: ${writer}\ndate: 2026-12-05\nsummary: 概要です。\nbrief: ${id}\n---\n\n${body}\n`;
const NOW = new Date("2026-12-15T03:00:00Z"); // 12:00 on 15 December in Japan

let root: string;
let sim: GithubSim;
let env: Record<string, string>;
async function put(file: string, text: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

beforeAll(async () => {
  root = await copySampleContent();
  await rm(path.join(root, "briefs"), { recursive: true, force: true });
  await rm(path.join(root, "articles"), { recursive: true, force: true });
  await put("articles/.gitkeep", "");
  gitAt(root, "2026-12-01T09:00:00+09:00", "init", "-q", "-b", "main");
  gitAt(root, "2026-12-01T09:00:00+09:00", "add", "-A");
  gitAt(root, "2026-12-01T09:00:00+09:00", "commit", "-q", "-m", "start");
  await mergePr(root, "briefs", "2026-12-01T10:00:00+09:00", "2026-12-01T11:00:00+09:00", async () => {
    await put("briefs/2026-12/open.yml", brief("募集中の依頼", "2026-12-28", "issue: 21\n"));
    await put("briefs/2026-12/late.yml", brief("締め切りを過ぎた依頼", "2026-12-10", "writer: komorebi\n"));
    await put("briefs/2026-12/review.yml", brief("確認中の依頼", "2026-12-20", "writer: hinata\n"));
    await put("briefs/2026-12/done.yml", brief("納品済みの依頼", "2026-12-12", "writer: hinata\nfee: 22000\n"));
    await put("briefs/2026-12/dropped.yml", brief("取り下げた依頼", "2026-12-18", "writer: hinata\nstatus: cancelled\n"));
    await put("briefs/2026-12/busy.yml", brief("もう一つの依頼", "2026-12-26", "writer: komorebi\n"));
    await put("briefs/approvals.yml", "2026-12/done: 22000\n");
  });
  await mergePr(root, "done", "2026-12-10T10:00:00+09:00", "2026-12-11T10:00:00+09:00", () =>
    put("articles/2026/12/done.md", article("納品済みの依頼", "hinata", "2026-12/done")),
  );
  // The writer's pull request, open: the brief is in review. A stranger's PR citing the open brief is not its review.
  sim = await new GithubSim().start();
  const head = "4".repeat(40);
  sim.pulls.set(40, {
    number: 40,
    draft: false,
    merged: false,
    headSha: head,
    baseSha: "a".repeat(40),
    author: "hinata-writes",
    head: "writer/review",
    files: [{ filename: "articles/2026/12/review.md", status: "added" }],
  });
  sim.files.set(`${head}:articles/2026/12/review.md`, { bytes: Buffer.from(article("確認中の依頼", "hinata", "2026-12/review")) });
  const fork = "5".repeat(40);
  sim.pulls.set(41, {
    number: 41,
    draft: false,
    merged: false,
    headSha: fork,
    baseSha: "a".repeat(40),
    author: "stranger",
    head: "spam",
    headRepo: "stranger/kawaraban",
    files: [{ filename: "articles/2026/12/spam.md", status: "added" }],
  });
  sim.files.set(`${fork}:articles/2026/12/spam.md`, { bytes: Buffer.from(article("横取り", "hinata", "2026-12/open")) });
  env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
});

afterAll(async () => sim.stop());

describe("kawaraban desk --format json", () => {
  it("lists every brief with its state, writer and deadline, overdue ones flagged", async () => {
    const result = await runCli(["desk", "--format", "json"], root, env, NOW);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc).toMatchObject({ version: 1, today: "2026-12-15", month: "2026-12" });
    expect(
      doc.briefs.map((b: { id: string; state: string; writer?: string; deadline: string; overdue: boolean }) => [
        b.id,
        b.state,
        b.writer ?? null,
        b.deadline,
        b.overdue,
      ]),
    ).toEqual([
      ["2026-12/late", "assigned", "komorebi", "2026-12-10", true],
      ["2026-12/done", "delivered", "hinata", "2026-12-12", false],
      ["2026-12/dropped", "cancelled", "hinata", "2026-12-18", false],
      ["2026-12/review", "in-review", "hinata", "2026-12-20", false],
      ["2026-12/busy", "assigned", "komorebi", "2026-12-26", false],
      ["2026-12/open", "open", null, "2026-12-28", false],
    ]);
    const done = doc.briefs.find((b: { id: string }) => b.id === "2026-12/done");
    expect(done).toMatchObject({ fee: 22000, feeApproved: true, article: "articles/2026/12/done.md", deliveredOn: "2026-12-11" });
    expect(doc.briefs.find((b: { id: string }) => b.id === "2026-12/review")).toMatchObject({ article: "articles/2026/12/review.md", branch: "#40" });
    // Offline, nothing is known to be in review.
    const offline = JSON.parse((await runCli(["desk", "--format", "json"], root, {}, NOW)).stdout);
    expect(offline.briefs.find((b: { id: string }) => b.id === "2026-12/review").state).toBe("assigned");
  });

  it("shows each writer's load against capacity, and the month's fees", async () => {
    const doc = JSON.parse((await runCli(["desk", "--format", "json"], root, env, NOW)).stdout);
    const writers = Object.fromEntries(doc.writers.map((w: { writer: string }) => [w.writer, w]));
    expect(writers.hinata).toMatchObject({ load: 2, capacity: 3, room: 1, over: false }); // the cancelled one does not count
    expect(writers.komorebi).toMatchObject({ load: 2, capacity: 2, room: 0, over: false });
    expect(writers["hibari-npo"]).toMatchObject({ load: 0 });
    expect(writers["hibari-npo"].capacity).toBeUndefined();
    expect(doc.fees).toEqual({ billed: 22000, committed: 15000 * 3 });
  });

  it("renders the same desk for people: pretty and Markdown, titles escaped", async () => {
    const pretty = await runCli(["desk"], root, {}, NOW);
    expect(pretty.stdout).toContain("［執筆中・締め切り超過］ 2026-12-10");
    const md = await runCli(["desk", "--format", "md"], root, env, NOW);
    expect(md.stdout).toContain("締め切りを過ぎた依頼が 1 件あります");
    expect(md.stdout).toContain("| 確認中 | 2026-12-20 |");
  });
});

describe("claiming and assigning a brief", () => {
  it("records a writer's /引き受けます in the brief, refuses another claim and one past capacity, and answers on the issue", async () => {
    const sim = await new GithubSim().start();
    sim.collaborators.add("hinata-writes");
    sim.issues.push({ number: 21, title: "【記事の依頼】募集中の依頼", body: "", labels: ["記事の依頼"], state: "open" });
    const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
    try {
      const claimed = await runCli(["desk", "claim", "--number", "21", "--login", "hinata-writes", "--reply"], root, env, NOW);
      expect(claimed.code, claimed.stderr).toBe(0);
      expect(JSON.parse(claimed.stdout)).toMatchObject({ ok: true, path: "briefs/2026-12/open.yml" });
      expect(await readFile(path.join(root, "briefs/2026-12/open.yml"), "utf8")).toContain("writer: hinata\nassignedOn: 2026-12-15\n");
      expect(sim.issueComments.at(-1)!.body).toContain("hinata さんが依頼「募集中の依頼」");
      expect(sim.issues[0]!.assignees).toEqual(["hinata-writes"]);
      // The same brief again, by someone else: refused, and said so.
      const again = await runCli(["desk", "claim", "--number", "21", "--login", "komorebi-writes", "--reply"], root, env, NOW);
      expect(again.code).toBe(1);
      expect(JSON.parse(again.stdout).message).toContain("hinata さんが引き受けています");
      // An editor assigns past capacity with a warning; a writer at capacity cannot claim for themselves.
      await put("briefs/2026-12/extra.yml", brief("追加の依頼", "2026-12-27", "issue: 22\n"));
      const self = await runCli(["desk", "claim", "--number", "22", "--login", "komorebi-writes"], root, env, NOW);
      expect(JSON.parse(self.stdout)).toMatchObject({ ok: false });
      expect(JSON.parse(self.stdout).message).toContain("上限（2 件）");
      const byEditor = await runCli(["desk", "assign", "--number", "22", "--login", "hibarino-henshu", "--writer", "komorebi"], root, env, NOW);
      expect(JSON.parse(byEditor.stdout)).toMatchObject({ ok: true });
      expect(JSON.parse(byEditor.stdout).message).toContain("注意:");
      const notEditor = await runCli(["desk", "assign", "--number", "21", "--login", "hinata-writes", "--writer", "hinata"], root, env, NOW);
      expect(JSON.parse(notEditor.stdout).message).toContain("編集担当");
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});

describe("start writing without a command line", () => {
  it("opens GitHub's web editor on the brief's article path, with front matter that passes check once a body is written", async () => {
    const result = await runCli(["desk", "link", "--brief", "2026-12/review"], root, { GITHUB_REPOSITORY: "hibarino/kawaraban" }, NOW);
    expect(result.code, result.stderr).toBe(0);
    const url = new URL(result.stdout.trim());
    expect(`${url.origin}${url.pathname}`).toBe("https://github.com/hibarino/kawaraban/new/main");
    const filename = url.searchParams.get("filename")!;
    expect(filename).toBe("articles/2026/12/review.md");
    const value = url.searchParams.get("value")!;
    expect(value).toContain("brief: 2026-12/review\n");
    await put(filename, `${value}\n駅前の新しいお店を訪ねました。店主の方に、開店までの話を伺いました。\n`);
    const check = await runCli(["check", "--format", "json", filename], root, {}, NOW);
    const doc = JSON.parse(check.stdout);
    expect(
      doc.files[0].messages.filter((m: { severity: string }) => m.severity === "error"),
      check.stdout,
    ).toEqual([]);
    expect(check.code).toBe(0);
  });
});

describe("check against the briefs", () => {
  it("reports an unknown brief, another writer's brief and a missed deadline", async () => {
    await put("articles/2026/12/unknown.md", article("知らない依頼", "hinata", "2026-12/nothing"));
    await put("articles/2026/12/other.md", article("締め切りを過ぎた依頼", "hinata", "2026-12/late"));
    await put("articles/2026/12/late.md", article("締め切りを過ぎた依頼", "komorebi", "2026-12/late"));
    const result = await runCli(
      ["check", "--format", "json", "articles/2026/12/unknown.md", "articles/2026/12/other.md", "articles/2026/12/late.md"],
      root,
      {},
      NOW,
    );
    const doc = JSON.parse(result.stdout);
    const rules = (file: string) =>
      doc.files
        .find((f: { path: string }) => f.path === file)
        .messages.map((m: { ruleId: string; severity: string; line: number }) => `${m.ruleId}:${m.severity}@${m.line}`);
    expect(rules("articles/2026/12/unknown.md")).toContain("brief/unknown:error@6");
    expect(rules("articles/2026/12/other.md")).toContain("brief/other-writer:error@6");
    expect(rules("articles/2026/12/late.md")).toContain("brief/deadline:warning@6");
    expect(result.code).toBe(1);
    // A bare name finds the one brief of that name.
    await put("articles/2026/12/bare.md", article("締め切りを過ぎた依頼", "komorebi", "late"));
    const bare = JSON.parse((await runCli(["check", "--format", "json", "articles/2026/12/bare.md"], root, {}, NOW)).stdout);
    expect(bare.files[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain("brief/deadline");
  });
});

describe("one article per brief", () => {
  it("refuses a second article for a delivered brief, never the delivered one itself, its move, or a brief nobody delivered yet", async () => {
    await put("articles/2026/12/done-again.md", article("納品済みの依頼、もう一本", "hinata", "2026-12/done"));
    await put("articles/2026/12/open-a.md", article("募集中の依頼", "hinata", "2026-12/open"));
    await put("articles/2026/12/open-b.md", article("募集中の依頼（別の案）", "hinata", "2026-12/open"));
    try {
      const files = ["articles/2026/12/done.md", "articles/2026/12/done-again.md", "articles/2026/12/open-a.md", "articles/2026/12/open-b.md"];
      const doc = JSON.parse((await runCli(["check", "--format", "json", ...files], root, {}, NOW)).stdout);
      const rules = (file: string) => doc.files.find((f: { path: string }) => f.path === file).messages.map((m: { ruleId: string }) => m.ruleId);
      expect(rules("articles/2026/12/done-again.md")).toContain("brief/delivered");
      expect(doc.files.find((f: { path: string }) => f.path === "articles/2026/12/done-again.md").messages[0].message).toContain(
        "articles/2026/12/done.md として出ています",
      );
      expect(rules("articles/2026/12/done.md")).not.toContain("brief/delivered");
      expect(rules("articles/2026/12/open-a.md")).not.toContain("brief/delivered");
      expect(rules("articles/2026/12/open-b.md")).toContain("brief/delivered");
      // The delivered article moved to a new path in the writer's branch: not a second article.
      gitAt(root, undefined, "mv", "articles/2026/12/done.md", "articles/2026/12/done-moved.md");
      const moved = JSON.parse((await runCli(["check", "--format", "json", "articles/2026/12/done-moved.md"], root, {}, NOW)).stdout);
      expect(moved.files[0].messages.map((m: { ruleId: string }) => m.ruleId)).not.toContain("brief/delivered");
    } finally {
      gitAt(root, undefined, "reset", "-q", "--hard", "HEAD");
      for (const f of ["done-again", "open-a", "open-b"]) await rm(path.join(root, `articles/2026/12/${f}.md`), { force: true });
    }
  });
});

describe("kawaraban desk sync (desk.yml) against the GitHub stand-in", () => {
  it("turns a new issue form into a brief PR, answers claims once with a PR, an assignee and a web-editor link, and keeps the desk issue", async () => {
    const sim = await new GithubSim().start();
    sim.collaborators.add("hinata-writes");
    const form = await readFile(path.join(REPO_ROOT, "tests/fixtures/desk/issue-body.md"), "utf8");
    sim.issues.push({ number: 31, title: "【記事の依頼】里山", body: form, labels: ["記事の依頼"], state: "open", user: "hibarino-henshu" });
    sim.issues.push({
      number: 32,
      title: "【記事の依頼】壊れた依頼",
      body: await readFile(path.join(REPO_ROOT, "tests/fixtures/desk/issue-body-broken.md"), "utf8"),
      labels: ["記事の依頼"],
      state: "open",
      user: "hibarino-henshu",
    });
    await put("briefs/2026-12/sync.yml", brief("同期の依頼", "2027-01-08", "issue: 33\n")); // due in January: hinata has room then
    gitAt(root, "2026-12-15T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-12-15T10:00:00+09:00", "commit", "-q", "-m", "sync brief");
    sim.existingFiles.set("briefs/2026-12/sync.yml", gitAt(root, undefined, "rev-parse", "HEAD:briefs/2026-12/sync.yml").trim());
    sim.issues.push({ number: 33, title: "【記事の依頼】同期の依頼", body: "", labels: ["記事の依頼"], state: "open" });
    sim.issueComments.push({ id: 501, issue: 33, body: "/引き受けます", user: "hinata-writes" });
    // Assigned from GitHub's side bar instead of a command.
    await put("briefs/2026-12/sidebar.yml", brief("サイドバーで割り当てた依頼", "2027-01-09", "issue: 34\n"));
    gitAt(root, "2026-12-15T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-12-15T10:00:00+09:00", "commit", "-q", "-m", "sidebar brief");
    sim.existingFiles.set("briefs/2026-12/sidebar.yml", gitAt(root, undefined, "rev-parse", "HEAD:briefs/2026-12/sidebar.yml").trim());
    sim.issues.push({ number: 34, title: "【記事の依頼】サイドバー", body: "", labels: ["記事の依頼"], state: "open", assignees: ["komorebi-writes"] });
    sim.issueEvents.push({ id: 9001, issue: 34, event: "assigned", actor: "hibarino-henshu", assignee: "komorebi-writes", created_at: "2026-12-15T01:00:00Z" });
    sim.issueComments.push({ id: 502, issue: 33, body: "よろしくお願いします", user: "hinata-writes" });
    const env = { GITHUB_TOKEN: "test-token", GITHUB_REPOSITORY: "hibarino/kawaraban", GITHUB_API_URL: sim.url, KAWARABAN_TEST_FAST_GITHUB: "1" };
    try {
      const first = await runCli(["desk", "sync"], root, env, NOW);
      expect(first.code, first.stderr).toBe(0);
      expect(JSON.parse(first.stdout.split("\n")[0]!)).toEqual({
        briefsProposed: ["2026-12/satoyama-coworking"],
        answered: 4, // the brief's PR, the broken form's problems, two claims
        claimsProposed: ["2026-12/sync", "2026-12/sidebar"],
      });
      expect(sim.contents.get("desk/claim-2026-12-sidebar:briefs/2026-12/sidebar.yml")!.text).toContain("writer: komorebi\n");
      const briefFile = sim.contents.get("desk/brief-2026-12-satoyama-coworking:briefs/2026-12/satoyama-coworking.yml")!;
      expect(briefFile.text).toBe(
        await readFile(path.join(REPO_ROOT, "tests/fixtures/desk/brief.yml"), "utf8").then((t) => t.replace("issue: 12", "issue: 31")),
      );
      const claim = sim.contents.get("desk/claim-2026-12-sync:briefs/2026-12/sync.yml")!;
      expect(claim.text).toContain("writer: hinata\nassignedOn: 2026-12-15\n");
      expect([...sim.pulls.values()].map((p) => p.title)).toEqual([
        "依頼の登録: 里山のコワーキングスペースを訪ねて（#31）",
        "依頼の引き受け: 同期の依頼（hinata）",
        "依頼の引き受け: サイドバーで割り当てた依頼（komorebi）",
      ]);
      expect(sim.issues.find((i) => i.number === 33)!.assignees).toEqual(["hinata-writes"]);
      const replies = sim.issueComments.filter((c) => c.user === "github-actions[bot]");
      expect(replies.find((c) => c.issue === 32)!.body).toContain("依頼のファイルを作れませんでした");
      const answer = replies.find((c) => c.issue === 33)!.body;
      expect(answer).toContain("<!-- kawaraban:desk-reply=c501 -->");
      expect(answer).toContain("https://github.com/hibarino/kawaraban/new/main?filename=articles%2F2026%2F12%2Fsync.md");
      expect(sim.issues.some((i) => i.labels.includes("依頼の状況"))).toBe(true);
      // A second run changes nothing: every command is answered, every brief proposed.
      const before = { comments: sim.issueComments.length, pulls: sim.pulls.size };
      const second = await runCli(["desk", "sync"], root, env, NOW);
      expect(JSON.parse(second.stdout.split("\n")[0]!)).toEqual({ briefsProposed: [], answered: 0, claimsProposed: [] });
      expect({ comments: sim.issueComments.length, pulls: sim.pulls.size }).toEqual(before);
      expect(sim.violations).toEqual([]);
    } finally {
      await sim.stop();
    }
  });
});

describe("hostile brief files", () => {
  it("reports a YAML bomb, a symlink, an oversized file, a stray file and prototype keys, and still loads the good brief", async () => {
    const hostile = await copySampleContent();
    const dir = path.join(hostile, "briefs/2026-12");
    await writeFile(path.join(dir, "bomb.yml"), 'a: &a ["x","x"]\nb: &b [*a,*a]\nc: [*b,*b]\ntitle: x\ndeadline: 2026-12-20\n');
    await writeFile(path.join(dir, "huge.yml"), `title: "${"長".repeat(20_000)}"\ndeadline: 2026-12-20\n`);
    await writeFile(path.join(dir, "proto.yml"), "title: 依頼\ndeadline: 2026-12-20\n__proto__: { fee: 1 }\nconstructor: 9\n");
    await writeFile(path.join(dir, "notes.txt"), "メモ");
    const { symlink } = await import("node:fs/promises");
    await symlink("/etc/passwd", path.join(dir, "link.yml"));
    const result = await runCli(["desk", "--format", "json"], hostile, {}, NOW);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.briefs.map((b: { id: string }) => b.id)).toEqual(["2026-12/proto", "2026-12/satoyama-coworking", "2026-12/kodomo-shokudo"]);
    expect(doc.briefs.find((b: { id: string }) => b.id === "2026-12/proto")).toMatchObject({ fee: 15000, feeApproved: false });
    for (const file of ["bomb.yml", "huge.yml", "notes.txt", "link.yml"]) expect(result.stderr).toContain(file);
    // check on a full run reports them too, as diagnostics with the file, never a crash.
    const check = await runCli(["check", "--format", "json"], hostile, {}, NOW);
    expect(check.code).toBe(1);
    const paths = JSON.parse(check.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["briefs/2026-12/bomb.yml", "briefs/2026-12/huge.yml", "briefs/2026-12/link.yml"]));
  });
});
