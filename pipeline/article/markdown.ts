import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";

/**
 * One frozen parser per process. The whole raw file is parsed (front matter included, as a
 * `yaml` node) so every position in the tree is a position in the writer's file.
 */
const parser = unified().use(remarkParse).use(remarkFrontmatter, ["yaml"]).use(remarkGfm).freeze();

export function parseMarkdown(raw: string): Root {
  return parser.parse(raw) as Root;
}
