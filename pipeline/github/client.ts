import { Octokit } from "@octokit/rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import Bottleneck from "bottleneck";

export type GithubClient = InstanceType<typeof KawarabanOctokit>;

const KawarabanOctokit = Octokit.plugin(retry, throttling);

export interface ClientOptions {
  token: string;
  /** GITHUB_API_URL: api.github.com, or a GitHub Enterprise Server's /api/v3. */
  baseUrl?: string;
  log?: (line: string) => void;
  /**
   * Tests only: no minimum spacing between write requests and millisecond back-off, so the
   * retry and throttling paths run for real but quickly.
   */
  fast?: boolean;
}

/**
 * Octokit with GitHub's recommended etiquette: writes spaced out (throttling), 5xx retried
 * with back-off (retry), primary and secondary rate limits waited out a few times.
 */
export function createGithubClient(options: ClientOptions): GithubClient {
  const log = options.log ?? (() => {});
  const fast = options.fast
    ? {
        retryAfterBaseValue: 1,
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
        notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
      }
    : {};
  return new KawarabanOctokit({
    auth: options.token,
    baseUrl: options.baseUrl ?? "https://api.github.com",
    userAgent: "kawaraban",
    retry: { retries: 3, ...(options.fast && { retryAfterBaseValue: 1 }) },
    throttle: {
      ...fast,
      onRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log(`GitHub API rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s (attempt ${retryCount + 1})`);
        return retryCount < 2;
      },
      onSecondaryRateLimit: (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
        log(`GitHub API secondary rate limit on ${request.method} ${request.url}; retrying in ${retryAfter}s`);
        return retryCount < 1;
      },
    },
    log: { debug: () => {}, info: () => {}, warn: log, error: log },
  });
}
