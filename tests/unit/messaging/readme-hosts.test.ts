// The README names every host Isnad has access to without asking (issue 18, item 9: archive.today's
// mirrors were in host access and not in the README).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { CONTENT_MATCHES } from '../../../lib/outlets/hosts';

it('every host of the content matches (= host_permissions) is named in the README', () => {
  const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
  const hosts = [...new Set(CONTENT_MATCHES.map((m) => /^\*:\/\/(?:\*\.)?([^/]+)\//.exec(m)![1]!))];
  expect(hosts.length).toBeGreaterThan(8);
  for (const h of hosts) expect(readme, h).toContain(h);
});
