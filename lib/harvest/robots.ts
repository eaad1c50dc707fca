// robots.txt, read once per host and obeyed: a disallowed URL is skipped and logged, the site's
// Crawl-delay slows the run, its Sitemap lines say where the sitemaps are. A robots.txt that
// cannot be had (404, a network error) allows everything, as the standard says (RFC 9309 §2.3.1).
import robotsParser from 'robots-parser';
import type { PoliteFetcher } from './fetcher';
import { USER_AGENT } from './fetcher';

type Robot = ReturnType<typeof robotsParser>;

/** The product token sites name in robots.txt. */
const ROBOTS_AGENT = USER_AGENT.split('/')[0]!;

export class RobotsCache {
  private byOrigin = new Map<string, Promise<Robot | null>>();
  constructor(private readonly fetcher: PoliteFetcher) {}

  private robot(url: string, signal?: AbortSignal): Promise<Robot | null> {
    const origin = new URL(url).origin;
    let got = this.byOrigin.get(origin);
    if (!got) {
      const at = `${origin}/robots.txt`;
      got = this.fetcher.get(at, signal).then(
        (r) => {
          // 5xx after the retries: RFC 9309 says assume disallowed; 4xx: allowed.
          if (r.status >= 500) return robotsParser(at, 'User-agent: *\nDisallow: /');
          if (r.status !== 200) return null;
          const robot = robotsParser(at, r.text);
          const delay = robot.getCrawlDelay(ROBOTS_AGENT);
          if (delay) this.fetcher.atLeast(Math.min(delay, 60) * 1000);
          return robot;
        },
        () => null,
      );
      this.byOrigin.set(origin, got);
    }
    return got;
  }

  async allowed(url: string, signal?: AbortSignal): Promise<boolean> {
    const robot = await this.robot(url, signal);
    return robot ? robot.isAllowed(url, ROBOTS_AGENT) !== false : true;
  }

  async sitemaps(url: string, signal?: AbortSignal): Promise<string[]> {
    return (await this.robot(url, signal))?.getSitemaps() ?? [];
  }
}
