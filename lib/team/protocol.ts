// The team corpus's messages (part of lib/messaging.ts's one protocol): only the background talks
// to the team server and holds the token; no reply carries it.
import type { Role } from '../sender';
import type { PullFilter, PullState, TeamConnect, TeamRelated, TeamShareRequest, TeamShareStep, TeamStatus } from './types';

export interface TeamProtocol {
  'ui:team': { request: Record<string, never>; reply: TeamStatus | null };
  'ui:team-connect': { request: TeamConnect; reply: TeamStatus };
  'ui:team-check': { request: Record<string, never>; reply: TeamStatus };
  'ui:team-forget': { request: Record<string, never>; reply: null };
  /** Panel, side panel → background: the team's reports related to a tab's article (null: no server); `shown`: URLs already listed. */
  'ui:team-related': { request: { tabId?: number; shown?: string[] }; reply: TeamRelated | null };
  'ui:team-share': { request: TeamShareRequest; reply: TeamShareStep };
  'ui:team-pull': { request: { filter: PullFilter }; reply: PullState };
  'ui:team-pulls': { request: Record<string, never>; reply: PullState[] };
}

/** Settings, sharing and copies from the extension's own pages; the in-page panel its own tab's team results. */
export const TEAM_ROLES: { readonly [K in keyof TeamProtocol]: readonly Role[] } = {
  'ui:team': ['ui'],
  'ui:team-connect': ['ui'],
  'ui:team-check': ['ui'],
  'ui:team-forget': ['ui'],
  'ui:team-related': ['ui', 'frame'],
  'ui:team-share': ['ui'],
  'ui:team-pull': ['ui'],
  'ui:team-pulls': ['ui'],
};
