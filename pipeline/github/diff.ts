/**
 * Lines a pull request added or changed, per file, on the right side of the diff: the only
 * lines a review comment is placed on (a finding elsewhere goes to the summary).
 */
export function addedLines(patch: string | undefined): Set<number> {
  const lines = new Set<number>();
  if (!patch) return lines; // binary or too large for GitHub to show a patch
  let right = 0;
  for (const line of patch.split("\n")) {
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (hunk) {
      right = Number(hunk[1]);
      continue;
    }
    if (right === 0) continue;
    if (line.startsWith("+")) lines.add(right++);
    else if (line.startsWith(" ")) right++;
    // "-" lines exist only on the left; "\ No newline at end of file" on neither.
  }
  return lines;
}
