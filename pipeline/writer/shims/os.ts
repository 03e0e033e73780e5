// node:os for the browser bundle.
export const homedir = (): string => "/";
export const tmpdir = (): string => "/tmp";
export const platform = (): string => "browser";
export const availableParallelism = (): number => 1;
export const EOL = "\n";
export default { homedir, tmpdir, platform, availableParallelism, EOL };
