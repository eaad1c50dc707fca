// An HTTPS server for hosts the extension reaches by their real names (web.archive.org, an
// outlet's host) through Chromium's --host-resolver-rules: a certificate made for the test run,
// which the browser is told to accept (--ignore-certificate-errors).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsSite {
  server: Server;
  /** For launchWithExtension's hostRules: every host mapped to this server. */
  hostRules: string;
  extraArgs: string[];
  close(): void;
}

export async function startTlsSite(hosts: string[], handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TlsSite> {
  const tmp = mkdtempSync(join(tmpdir(), 'isnad-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(tmp, 'key.pem'), '-out', join(tmp, 'cert.pem'), '-days', '2', '-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`], { stdio: 'ignore' });
  const server = createServer({ key: readFileSync(join(tmp, 'key.pem')), cert: readFileSync(join(tmp, 'cert.pem')) }, handler);
  rmSync(tmp, { recursive: true, force: true });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    hostRules: hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(','),
    extraArgs: ['--ignore-certificate-errors'],
    close: () => server.close(),
  };
}
