// Real PostgreSQL 15 clusters for the tests: initdb in a temporary folder, started on a free local
// port, stopped (and removed) on exit. As root (CI) the server runs as the `postgres` user, since
// initdb and postgres refuse to run as root. Missing binaries fail the test: .ci/run installs them.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = process.env.PG_BINDIR ?? '/usr/lib/postgresql/15/bin';
const USER = 'isnad';
const asRoot = process.getuid?.() === 0;

function owner(): { uid: number; gid: number } | null {
  if (!asRoot) return null;
  const [uid, gid] = execFileSync('id', ['-u', 'postgres']).toString().trim().split(/\s+/).concat(execFileSync('id', ['-g', 'postgres']).toString().trim());
  return { uid: Number(uid), gid: Number(gid) };
}

function run(cmd: string, args: string[]): string {
  const bin = join(BIN, cmd);
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run scripts/ensure-postgres.sh (PostgreSQL 15)`);
  const full = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] as const : [bin, args] as const;
  const r = spawnSync(full[0], full[1], { encoding: 'utf8', cwd: tmpdir() });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.stdout}`);
  return r.stdout;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export class Cluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `postgres://${USER}@127.0.0.1:${this.port}/postgres`;
  }

  private static folder(): string {
    // As root, /tmp: the postgres user must reach the folder, and $TMPDIR may be root's own.
    const root = mkdtempSync(join(asRoot ? '/tmp' : tmpdir(), 'isnad-pg-'));
    const o = owner();
    if (o) chownSync(root, o.uid, o.gid);
    chmodSync(root, 0o700);
    return root;
  }

  private static async start(root: string, data: string, settings: string[]): Promise<Cluster> {
    const port = await freePort();
    const opts = [`-p ${port}`, `-k ${root}`, "-c listen_addresses=127.0.0.1", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c shared_buffers=32MB', '-c max_connections=40', ...settings].join(' ');
    run('pg_ctl', ['-D', data, '-l', join(root, 'log'), '-o', opts, '-w', '-t', '120', 'start']);
    const c = new Cluster(root, port);
    live.add(c);
    return c;
  }

  /** A new primary. */
  static async primary(settings: string[] = []): Promise<Cluster> {
    const root = Cluster.folder();
    const data = join(root, 'data');
    run('initdb', ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    return Cluster.start(root, data, settings);
  }

  /** A streaming replica of this cluster (pg_basebackup -R), started. */
  async replica(): Promise<Cluster> {
    const root = Cluster.folder();
    const data = join(root, 'data');
    run('pg_basebackup', ['-h', '127.0.0.1', '-p', String(this.port), '-U', USER, '-D', data, '-R', '-X', 'stream', '-c', 'fast', '--no-sync']);
    return Cluster.start(root, data, []);
  }

  stop(): void {
    if (!live.delete(this)) return;
    try {
      run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

const live = new Set<Cluster>();
process.on('exit', () => {
  for (const c of [...live]) {
    try {
      c.stop();
    } catch {
      /* stopping the rest */
    }
  }
});
