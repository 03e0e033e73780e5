/** Per article, enough of its text to find it by any passage a reader remembers (light module: render workers import it). */
export const SEARCH_TEXT_CHARS = 8000;
