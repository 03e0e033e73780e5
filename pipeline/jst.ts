const JST_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Japan has no daylight saving time, so UTC+9 is exact whatever the runner's timezone. */
export const jstDate = (date: Date) => new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
export const jstMonth = (date: Date) => jstDate(date).slice(0, 7);
