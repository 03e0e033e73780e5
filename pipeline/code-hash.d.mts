export function pipelineSourceHash(pipelineDir: string): string;
