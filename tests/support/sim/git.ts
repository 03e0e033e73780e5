import type { Handler } from "../github-sim.ts";

/** Refs, the Git Data API and the contents API, with GitHub's rules (existing refs, fast-forwards, file shas). */
export const gitHandlers: Record<string, Handler> = {
  "git/get-commit": (sim, { params }) => {
    const sha = params.commit_sha!;
    return sim.commits.has(sha) || sim.gitCommits.has(sha) || [...sim.branches.values()].includes(sha)
      ? { body: { sha: params.commit_sha, tree: { sha: `tree-of-${params.commit_sha}` } } }
      : { status: 404, body: { message: "Not Found" } };
  },
  "git/create-blob": (sim, { body }) => {
    const sha = sim.id().toString(16).padStart(40, "b");
    sim.blobs.set(sha, Buffer.from(body.content, body.encoding === "base64" ? "base64" : "utf8"));
    return { status: 201, body: { sha } };
  },
  "git/create-tree": (sim, { body }) => {
    for (const e of body.tree) if (!sim.blobs.has(e.sha) || e.mode !== "100644") return { status: 422, body: { message: "tree.sha is not a valid blob" } };
    const sha = sim.id().toString(16).padStart(40, "c");
    sim.trees.set(sha, { base: body.base_tree, entries: body.tree });
    return { status: 201, body: { sha } };
  },
  "git/create-commit": (sim, { body }) => {
    if (!sim.trees.has(body.tree)) return { status: 422, body: { message: "Tree SHA does not exist" } };
    const sha = sim.id().toString(16).padStart(40, "d");
    sim.gitCommits.set(sha, { tree: body.tree, parents: body.parents, message: body.message });
    return { status: 201, body: { sha } };
  },
  "git/delete-ref": (sim, { params }) => {
    const name = String(params.ref).replace(/^heads\//, "");
    if (name === "main") return { status: 422, body: { message: "Cannot delete the default branch" } };
    if (!sim.branches.delete(name)) return { status: 422, body: { message: "Reference does not exist" } };
    return { status: 204, body: undefined };
  },
  "repos/get-content": (sim, { params, query }) => {
    const ref = query.get("ref") ?? "main";
    const file = sim.files.get(`${ref}:${params.path}`);
    if (!file) return { status: 404, body: { message: "Not Found" } };
    const base = {
      name: String(params.path).split("/").pop(),
      path: params.path,
      sha: "e".repeat(40),
      size: file.bytes.length,
      url: "",
      html_url: "",
      git_url: "",
      download_url: null,
      _links: {},
    };
    if (file.type === "symlink") return { body: { ...base, type: "symlink", target: file.bytes.toString("utf8") } };
    if (file.type === "submodule") return { body: { ...base, type: "submodule", submodule_git_url: "https://example.test/x.git" } };
    // Files over 1 MB come without content (GitHub returns an empty string and encoding "none").
    const large = file.bytes.length > 1024 * 1024;
    return { body: { ...base, type: "file", encoding: large ? "none" : "base64", content: large ? "" : file.bytes.toString("base64") } };
  },
  "git/update-ref": (sim, { params, body }) => {
    const name = String(params.ref).replace(/^heads\//, "");
    const current = sim.branches.get(name);
    if (!current) return { status: 422, body: { message: "Reference does not exist" } };
    const commit = sim.gitCommits.get(body.sha);
    // Not a fast-forward unless the new commit's parent is the branch's current head.
    if (!body.force && !commit?.parents.includes(current)) return { status: 422, body: { message: "Update is not a fast forward" } };
    sim.branches.set(name, body.sha);
    return { body: { ref: `refs/heads/${name}`, object: { sha: body.sha } } };
  },
  "git/get-ref": (sim, { params }) => {
    const sha = sim.branches.get(String(params.ref).replace(/^heads\//, ""));
    return sha ? { body: { ref: `refs/${params.ref}`, object: { sha, type: "commit" } } } : { status: 404, body: { message: "Not Found" } };
  },
  "git/create-ref": (sim, { body }) => {
    const name = String(body.ref).replace(/^refs\/heads\//, "");
    if (!String(body.ref).startsWith("refs/heads/")) return { status: 422, body: { message: "Reference name must start with 'refs/'" } };
    if (sim.branches.has(name)) return { status: 422, body: { message: "Reference already exists" } };
    sim.branches.set(name, body.sha);
    return { status: 201, body: { ref: body.ref, object: { sha: body.sha, type: "commit" } } };
  },
  "repos/create-or-update-file-contents": (sim, { params, body }) => {
    const branch = body.branch ?? "main";
    if (!sim.branches.has(branch)) return { status: 404, body: { message: "Branch not found" } };
    const key = `${branch}:${params.path}`;
    const existing = sim.existingFiles.get(params.path!);
    if ((sim.contents.has(key) || existing) && !body.sha) return { status: 422, body: { message: 'Invalid request. "sha" wasn\'t supplied.' } };
    if (existing && !sim.contents.has(key) && body.sha !== existing) return { status: 409, body: { message: `${params.path} does not match ${body.sha}` } };
    const text = Buffer.from(body.content, "base64").toString("utf8");
    sim.contents.set(key, { branch, path: params.path!, text, message: body.message });
    const commit = sim.id().toString(16).padStart(40, "0");
    sim.branches.set(branch, commit);
    return { status: sim.contents.has(key) ? 201 : 200, body: { content: { path: params.path, sha: "b".repeat(40) }, commit: { sha: commit } } };
  },
};
