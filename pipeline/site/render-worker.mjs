// From source (no prebuilt bundle): a worker thread has no TypeScript loader of its own.
import { register } from "tsx/esm/api";

register();
await import("./render-worker.ts");
