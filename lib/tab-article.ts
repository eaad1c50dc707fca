// Where the background keeps the article each tab shows (storage.session, so that it outlives a
// stopped service worker). The side panel watches these keys: a tab's article is known only after
// its page has loaded and been read, later than any tab event the panel could follow.

/** The storage.session key of the article tab `tabId` shows. */
export const tabArticleKey = (tabId: number): string => `tab:${tabId}`;
