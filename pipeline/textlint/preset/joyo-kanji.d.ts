/** joyo-kanji ships no types: the 2,136 kanji of the 常用漢字表 (2010), one string each. */
declare module "joyo-kanji" {
  export const kanji: string[];
}
