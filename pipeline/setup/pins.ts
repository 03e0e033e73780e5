/**
 * How a workflow names an action: `owner/name@<40-hex commit SHA> # v1.2.3`. The SHA is what runs
 * (a tag can be moved; a commit cannot); the comment is the release it was, which Dependabot reads
 * and rewrites together with the SHA when it proposes an update.
 */
export interface ActionUse {
  line: number;
  uses: string;
  /** The version comment, when present. */
  version?: string;
  pinned: boolean;
}

export function actionUses(workflowSource: string): ActionUse[] {
  const found: ActionUse[] = [];
  for (const [n, text] of workflowSource.split("\n").entries()) {
    const m = /^\s*(?:-\s*)?uses:\s*([^\s#]+)\s*(?:#\s*(\S+))?/.exec(text);
    if (!m || m[1]!.startsWith("./")) continue;
    const version = m[2];
    found.push({
      line: n + 1,
      uses: m[1]!,
      ...(version && { version }),
      pinned: /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(m[1]!) && /^v\d+(\.\d+){0,2}$/.test(version ?? ""),
    });
  }
  return found;
}
