import type { Handler } from "../github-sim.ts";
import { checkHandlers } from "./checks.ts";
import { gitHandlers } from "./git.ts";
import { issueHandlers } from "./issues.ts";
import { pullHandlers } from "./pulls.ts";
import { settingsHandlers } from "./settings.ts";

/** Every operation the stand-in answers, by GitHub's operation id. */
export const HANDLERS: Record<string, Handler> = { ...pullHandlers, ...gitHandlers, ...issueHandlers, ...checkHandlers, ...settingsHandlers };
