/** Rows the library shows at first and adds per "Show more": the page never renders the whole library. */
export const PAGE_SIZE = 50;
