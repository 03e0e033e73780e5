import { describe, it, expect, beforeAll } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { tempDir, gitAt, mergePr, SAMPLE_ROOT } from "../support/repo.ts";
import { readLedger } from "../../pipeline/invoice/ledger.ts";
import { runCli } from "../support/cli.ts";

/**
 * Forged dates under each merge style, in real git histories. The writer controls every date on
 * their own commits (GIT_AUTHOR_DATE, GIT_COMMITTER_DATE); GitHub controls the merge or squash
 * commit it makes. Only the latter may decide the month.
 */
const article = (title: string) => `---\ntitle: ${title}\nwriter: hinata\ndate: 2026-11-01\nsummary: 概要です。\n---\n\n${title}の本文です。\n`;

async function put(root: string, file: string, text: string) {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), text);
}

/** git as someone else: a writer with forged dates, or GitHub making a squash commit. */
function gitAs(root: string, who: { name: string; email: string }, date: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_CONFIG_GLOBAL: "/dev/null",
      GIT_AUTHOR_NAME: who.name,
      GIT_AUTHOR_EMAIL: who.email,
      GIT_COMMITTER_NAME: who.name,
      GIT_COMMITTER_EMAIL: who.email,
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_DATE: date,
    },
  });
}
const WRITER = { name: "hinata", email: "hinata@example.test" };
const GITHUB = { name: "GitHub", email: "noreply@github.com" };

async function repoWithPolicy(policy: "merge-commit" | "squash"): Promise<string> {
  const root = await tempDir();
  const config = await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8");
  await put(root, "kawaraban.config.yml", `${config.replace(/^billing:\n(?: .*\n|\n)*/m, "")}\nbilling:\n  mergePolicy: ${policy}\n`);
  gitAt(root, "2026-10-01T10:00:00+09:00", "init", "-q", "-b", "main");
  gitAt(root, "2026-10-01T10:00:00+09:00", "add", "-A");
  gitAt(root, "2026-10-01T10:00:00+09:00", "commit", "-q", "-m", "start");
  return root;
}

/** A writer's branch, committed with a forged date. */
async function writerBranch(root: string, branch: string, forged: string, file: string, title: string) {
  gitAt(root, forged, "switch", "-q", "-c", branch, "main");
  await put(root, file, article(title));
  gitAs(root, WRITER, forged, "add", "-A");
  gitAs(root, WRITER, forged, "commit", "-q", "-m", title);
  gitAt(root, forged, "switch", "-q", "main");
}

const sha = (root: string, ref = "HEAD") => gitAt(root, undefined, "rev-parse", ref).trim();

describe("merge-commit policy: the month is the merge commit's, never the writer's", () => {
  let root: string;
  let fastForward: string;
  beforeAll(async () => {
    root = await repoWithPolicy("merge-commit");
    // Written "in 2099" and "in September", merged by GitHub in November: billed in November.
    await writerBranch(root, "future", "2099-01-01T10:00:00+09:00", "articles/2026/11/future.md", "未来の日付の記事");
    gitAt(root, "2026-11-10T10:00:00+09:00", "merge", "-q", "--no-ff", "-m", "Merge future", "future");
    await writerBranch(root, "past", "2026-09-15T10:00:00+09:00", "articles/2026/11/past.md", "過去の日付の記事");
    gitAt(root, "2026-11-12T10:00:00+09:00", "merge", "-q", "--no-ff", "-m", "Merge past", "past");
    // A fast-forward of a writer's commit dated September (the date would move it to 2026-09).
    await writerBranch(root, "ff", "2026-09-20T10:00:00+09:00", "articles/2026/11/ff.md", "早送りの記事");
    gitAt(root, "2026-11-20T10:00:00+09:00", "merge", "-q", "--ff-only", "ff");
    fastForward = sha(root);
    // A direct push with a plausible date is still not a merge.
    await put(root, "articles/2026/11/direct.md", article("直接入れた記事"));
    gitAs(root, WRITER, "2026-11-21T10:00:00+09:00", "add", "-A");
    gitAs(root, WRITER, "2026-11-21T10:00:00+09:00", "commit", "-q", "-m", "direct");
    await mergePr(root, "later", "2026-11-25T10:00:00+09:00", "2026-11-25T12:00:00+09:00", () => put(root, "articles/2026/11/later.md", article("あとの記事")));
  });

  it("bills merged articles in the merge commit's month, whatever dates the writer wrote", async () => {
    const ledger = await readLedger(root);
    expect(ledger.entries.filter((e) => !e.note).map((e) => [e.path, e.month, e.mergedAt])).toEqual([
      ["articles/2026/11/future.md", "2026-11", "2026-11-10"],
      ["articles/2026/11/past.md", "2026-11", "2026-11-12"],
      ["articles/2026/11/later.md", "2026-11", "2026-11-25"],
    ]);
  });

  it("reports both commits that broke the policy; holds the one with an impossible date, bills the other by its own date with a note", async () => {
    const ledger = await readLedger(root);
    expect(ledger.violations.map((v) => [v.commit === fastForward, v.month, v.paths, v.held])).toEqual([
      [true, "2026-11", ["articles/2026/11/ff.md"], true],
      [false, "2026-11", ["articles/2026/11/direct.md"], false],
    ]);
    expect(ledger.violations[0]!.reason).toContain("前後のコミットの日時と合いません");
    expect(ledger.violations[1]!.reason).toContain("マージコミットではありません");
    expect(ledger.refused.map((r) => r.path)).toEqual(["articles/2026/11/ff.md"]);
    expect(ledger.refused[0]!.reason).toContain("billing.accepted");
    const direct = ledger.entries.find((e) => e.path.endsWith("direct.md"))!;
    expect(direct).toMatchObject({ month: "2026-11", mergedAt: "2026-11-21" });
    expect(direct.note).toContain("決められた受け付けの手順を通らずに受け付けた記事です");
    const md = await runCli(["invoice", "--month", "2026-11", "--format", "md"], root);
    expect(md.stdout).toContain("main への入れ方の決まりに沿っていないコミット");
    expect(md.stdout).toContain(fastForward.slice(0, 7));
    expect(md.stdout).toContain("**保留**");
    const json = JSON.parse((await runCli(["invoice", "--month", "2026-11"], root)).stdout);
    expect(json.policyViolations).toHaveLength(2);
    expect(json.writers[0].articles).toHaveLength(4);
  });

  it("pays a held commit once city staff accept it with a month", async () => {
    const file = path.join(root, "kawaraban.config.yml");
    const before = await readFile(file, "utf8");
    await writeFile(file, `${before}  accepted:\n    "${fastForward.slice(0, 10)}": 2026-11\n`);
    gitAt(root, "2026-11-26T10:00:00+09:00", "commit", "-q", "-am", "accept");
    // The config change itself is a direct commit: it touches no article, so it is not reported.
    try {
      const ledger = await readLedger(root);
      expect(ledger.entries.find((e) => e.path.endsWith("ff.md"))).toMatchObject({ month: "2026-11" });
      expect(ledger.violations.map((v) => v.paths[0])).toEqual(["articles/2026/11/direct.md"]);
      expect(ledger.refused).toEqual([]);
    } finally {
      gitAt(root, undefined, "reset", "-q", "--hard", "HEAD~1");
    }
  });
});

describe("squash policy: only GitHub's squash commits carry a trusted date", () => {
  let root: string;
  beforeAll(async () => {
    root = await repoWithPolicy("squash");
    await writerBranch(root, "a", "2099-05-01T10:00:00+09:00", "articles/2026/11/a.md", "まとめた記事");
    gitAt(root, "2026-11-05T10:00:00+09:00", "merge", "-q", "--squash", "a");
    gitAs(root, GITHUB, "2026-11-05T10:00:00+09:00", "commit", "-q", "-m", "まとめた記事 (#1)");
    // The writer's own commit fast-forwarded: its committer is the writer.
    await writerBranch(root, "b", "2026-11-06T10:00:00+09:00", "articles/2026/11/b.md", "早送りの記事");
    gitAt(root, "2026-11-06T10:00:00+09:00", "merge", "-q", "--ff-only", "b");
    // A commit that claims to be GitHub's but dates itself before the last trusted one.
    await put(root, "articles/2026/11/c.md", article("さかのぼった記事"));
    gitAs(root, GITHUB, "2026-10-02T10:00:00+09:00", "add", "-A");
    gitAs(root, GITHUB, "2026-10-02T10:00:00+09:00", "commit", "-q", "-m", "さかのぼった記事 (#3)");
  });

  it("bills the squash commit in its month; reports the fast-forward (billed by its possible date) and holds the backdated commit", async () => {
    // Read at the end of November: the held commit, with no trusted commit after it yet, is reported in the month it is read in.
    const ledger = await readLedger(root, "HEAD", new Date("2026-11-30T12:00:00+09:00"));
    expect(ledger.entries.map((e) => [e.path, e.month, Boolean(e.note)])).toEqual([
      ["articles/2026/11/a.md", "2026-11", false],
      ["articles/2026/11/b.md", "2026-11", true],
    ]);
    expect(ledger.violations.map((v) => [v.paths[0], v.reason.slice(0, 12), v.held])).toEqual([
      ["articles/2026/11/b.md", "GitHub の「Squ", false],
      ["articles/2026/11/c.md", "日時が、main に入っ", true],
    ]);
    expect(ledger.violations.map((v) => v.month)).toEqual(["2026-11", "2026-11"]);
  });

  it("holds a fast-forward dated in the future (2099)", async () => {
    await writerBranch(root, "z", "2099-01-01T10:00:00+09:00", "articles/2026/11/z.md", "未来の早送り");
    gitAt(root, "2026-11-07T10:00:00+09:00", "merge", "-q", "--ff-only", "z");
    const ledger = await readLedger(root);
    expect(ledger.entries.some((e) => e.path.endsWith("z.md"))).toBe(false);
    expect(ledger.violations.find((v) => v.paths[0] === "articles/2026/11/z.md")).toMatchObject({ held: true });
    expect(ledger.refused.find((r) => r.path.endsWith("z.md"))!.reason).toContain("保留");
  });
});

describe("a forged date of the policy's shape cannot poison the months after it", () => {
  it("holds a 2099 merge commit pushed to main, reports it in the month it arrived, and bills every honest merge after it", async () => {
    const root = await repoWithPolicy("merge-commit");
    await mergePr(root, "first", "2026-11-02T09:00:00+09:00", "2026-11-02T10:00:00+09:00", () => put(root, "articles/2026/11/first.md", article("最初の記事")));
    // Someone with push rights makes a merge commit by hand, dated 2099, and pushes it.
    await writerBranch(root, "forged", "2099-09-09T10:00:00+09:00", "articles/2026/11/forged.md", "未来の記事");
    gitAs(root, WRITER, "2099-09-09T10:00:00+09:00", "merge", "-q", "--no-ff", "-m", "Merge forged", "forged");
    const forged = sha(root);
    for (const [name, day] of [
      ["a", "05"],
      ["b", "12"],
      ["c", "20"],
    ] as const)
      await mergePr(root, name, `2026-11-${day}T09:00:00+09:00`, `2026-11-${day}T10:00:00+09:00`, () =>
        put(root, `articles/2026/11/${name}.md`, article(`記事${name}`)),
      );
    const ledger = await readLedger(root, "HEAD", new Date("2026-12-01T09:00:00+09:00"));
    expect(ledger.entries.map((e) => [e.path, e.month, e.note])).toEqual([
      ["articles/2026/11/first.md", "2026-11", undefined],
      ["articles/2026/11/a.md", "2026-11", undefined],
      ["articles/2026/11/b.md", "2026-11", undefined],
      ["articles/2026/11/c.md", "2026-11", undefined],
    ]);
    expect(ledger.violations).toEqual([expect.objectContaining({ commit: forged, month: "2026-11", held: true })]);
    const md = (await runCli(["invoice", "--month", "2026-11", "--format", "md"], root, {}, new Date("2026-12-01T09:00:00+09:00"))).stdout;
    expect(md).toContain(forged.slice(0, 7));
    expect(md).toContain("articles/2026/11/forged.md");
  });
});

describe("history before a policy was configured", () => {
  it("takes the repository's setup commits as recorded, and polices every commit after the policy arrived", async () => {
    const root = await tempDir();
    const config = await readFile(path.join(SAMPLE_ROOT, "kawaraban.config.yml"), "utf8");
    await put(root, "kawaraban.config.yml", config.replace(/^billing:\n(?: .*\n|\n)*/m, ""));
    await put(root, "articles/2026/10/setup.md", article("最初の記事"));
    gitAt(root, "2026-10-01T10:00:00+09:00", "init", "-q", "-b", "main");
    gitAt(root, "2026-10-01T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-10-01T10:00:00+09:00", "commit", "-q", "-m", "start");
    await put(root, "articles/2026/10/second.md", article("二つ目の記事"));
    gitAt(root, "2026-10-02T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-10-02T10:00:00+09:00", "commit", "-q", "-m", "second");
    // The city configures the policy; a direct commit after that is held, and cannot lift the policy for itself.
    await writeFile(
      path.join(root, "kawaraban.config.yml"),
      `${await readFile(path.join(root, "kawaraban.config.yml"), "utf8")}\nbilling:\n  mergePolicy: merge-commit\n`,
    );
    gitAt(root, "2026-10-03T10:00:00+09:00", "commit", "-q", "-am", "policy");
    await put(root, "articles/2026/10/third.md", article("三つ目の記事"));
    await writeFile(path.join(root, "kawaraban.config.yml"), config.replace(/^billing:\n(?: .*\n|\n)*/m, ""));
    gitAt(root, "2026-10-04T10:00:00+09:00", "add", "-A");
    gitAt(root, "2026-10-04T10:00:00+09:00", "commit", "-q", "-m", "third, and the policy removed");
    const ledger = await readLedger(root);
    expect(ledger.entries.map((e) => [e.path, Boolean(e.note)])).toEqual([
      ["articles/2026/10/setup.md", false],
      ["articles/2026/10/second.md", false],
      ["articles/2026/10/third.md", true],
    ]);
    expect(ledger.violations.map((v) => [v.paths, v.held])).toEqual([[["articles/2026/10/third.md"], false]]);
  });
});
