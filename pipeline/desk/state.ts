/**
 * What the desk remembers between runs, kept in its own 依頼の状況 issue (only an issue the bot
 * opened is read): when it last went through the brief issues, and the ones it could not finish.
 * A run then reads only the issues updated since, plus those; the daily run reads them all.
 */
export interface DeskState {
  /** ISO time the last run started. */
  synced?: string;
  retry: number[];
}

const STATE = /<!-- kawaraban:desk-state=(\{[^<>]{0,2000}\}) -->/;

export function readDeskState(body: string | undefined): DeskState {
  const match = body && STATE.exec(body);
  if (!match) return { retry: [] };
  try {
    const raw = JSON.parse(match[1]!) as { synced?: unknown; retry?: unknown };
    const synced = typeof raw.synced === "string" && !Number.isNaN(Date.parse(raw.synced)) ? raw.synced : undefined;
    const retry = Array.isArray(raw.retry) ? raw.retry.filter((n): n is number => Number.isInteger(n) && n > 0).slice(0, 200) : [];
    return { ...(synced && { synced }), retry };
  } catch {
    return { retry: [] };
  }
}

export const deskStateMarker = (state: DeskState) =>
  `<!-- kawaraban:desk-state=${JSON.stringify({ synced: state.synced, retry: state.retry.slice(0, 200) })} -->`;

/**
 * Issues updated since a little before the last run started (the runner's and GitHub's clocks may
 * differ by seconds), or all of them. The issues the last run answered come back once, updated by
 * its own replies: a run's cost follows activity, never the number of idle issues.
 */
export function sinceOf(state: DeskState, full: boolean): string | undefined {
  if (full || !state.synced || state.retry.length > 0) return undefined;
  return new Date(Date.parse(state.synced) - 2 * 60_000).toISOString();
}
