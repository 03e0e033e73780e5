interface OutStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}
export interface RunKey {
  root: string;
  key: string;
  fingerprint: string;
}
export function runKey(
  argv: readonly string[],
  context: { cwd: string; env: NodeJS.ProcessEnv; stdout: OutStream; stderr: OutStream; codeKey: string; now?: Date },
): RunKey | undefined;
export function replay(run: RunKey, stdout: OutStream, stderr: OutStream): number | undefined;
export function recording(stream: OutStream): OutStream & { text(): string };
export function save(run: RunKey, outcome: { stdout: string; stderr: string; exitCode: number }): void;
export function treeFingerprint(root: string, settledBefore?: bigint): string | undefined;
export function findRoot(cwd: string): string | undefined;
