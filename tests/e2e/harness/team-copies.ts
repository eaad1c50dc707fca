// The team's copies of the seed reports, as the team e2e tests (Chromium and Firefox) load them:
// their own addresses and titles, so they are told apart from the built-in ones.
import type { ReportRecord } from '../../../lib/types';
import { seed } from './site';

export const TEAM_TITLE = 'أرشيف الفريق:';

export const teamCopy = (i: number): ReportRecord => {
  const a = seed(i);
  return { url: `https://archive.newsroom.example/${i}`, outlet: a.outlet, title: `${TEAM_TITLE} ${a.title}`, publishedAt: a.publishedAt.value?.slice(0, 10) ?? null, text: a.paragraphs.join('\n') };
};
