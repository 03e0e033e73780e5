/** Where a kawaraban repository keeps its articles (a light module: no discovery code attached). */
export const ARTICLES_DIR = "articles";
