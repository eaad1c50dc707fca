// Options → "Team corpus": the server's address, the team and the member's token; the host
// permission for that address only, asked in the reader's click; test, forget; share an import;
// keep a local copy of part of the team corpus. The token goes from this form to the background
// once and is never read back (lib/team/store.ts).
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { formatNumber, t, tn, uiLang } from '../lib/i18n';
import { call } from '../lib/messaging';
import { outletName } from '../lib/outlets/names';
import { ADAPTERS } from '../lib/outlets/registry';
import { teamAddress } from '../lib/team/address';
import { CAPTURED_IMPORT, type PullFilter, type PullState, type TeamRole, type TeamStatus } from '../lib/team/types';
import { isoDayOf } from '../lib/ui/date-input';
import type { ImportJob } from '../lib/engine/index-types';
import { DateField } from './DateField';
import { teamErrorText } from './team-errors';
import { ShareChosen } from './TeamShareChosen';

type Message = { kind: 'status' | 'alert'; text: string } | null;

const roleName = (r: TeamRole) => t(r === 'admin' ? 'teamRoleAdmin' : r === 'contributor' ? 'teamRoleContributor' : 'teamRoleReader');

function ConnectForm({ onConnected }: { onConnected: (s: TeamStatus) => void }) {
  const [server, setServer] = useState('');
  const [team, setTeam] = useState('team');
  const [token, setToken] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const connect = async (e: Event) => {
    e.preventDefault();
    const address = teamAddress(server);
    if ('error' in address) {
      setMessage({ kind: 'alert', text: t('teamErrAddress') });
      return;
    }
    setBusy(true);
    try {
      // First, inside the click: the browser grants an optional permission only from a user action.
      if (!(await browser.permissions.request({ origins: [address.pattern] }))) {
        setMessage({ kind: 'alert', text: t('teamErrPermission') });
        return;
      }
      const status = await call('ui:team-connect', { server: address.origin, team, token });
      setToken('');
      setMessage(null);
      onConnected(status);
    } catch (err) {
      setMessage({ kind: 'alert', text: teamErrorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void connect(e)} data-testid="team-form">
      <p class="muted small">{t('teamNoServer')}</p>
      <div class="row">
        <div class="field">
          <label for="team-server">{t('teamServer')}</label>
          <input id="team-server" dir="ltr" type="url" required placeholder="https://isnad.example.org" value={server} onInput={(e) => setServer(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="team-name">{t('teamName')}</label>
          <input id="team-name" dir="ltr" required value={team} onInput={(e) => setTeam(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="team-token">{t('teamToken')}</label>
          <input id="team-token" dir="ltr" type="password" autocomplete="off" spellcheck={false} required placeholder="isnad_…" value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>{t('teamConnect')}</button>
      </div>
      <p class="muted small">{t('teamPermissionNote')}</p>
      {message && <p role={message.kind}>{message.text}</p>}
    </form>
  );
}

/** Share an import (or the captured articles) with the team, a batch a message. */
function ShareSection() {
  const [imports, setImports] = useState<ImportJob[]>([]);
  const [chosen, setChosen] = useState(CAPTURED_IMPORT);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    call('ui:imports', {}).then((jobs) => setImports(jobs.filter((j) => j.status === 'done' && j.added > 0)), () => undefined);
  }, []);
  const share = async () => {
    setBusy(true);
    const total = { sent: 0, added: 0, duplicates: 0 };
    try {
      let after: string | undefined;
      for (;;) {
        const step = await call('ui:team-share', { importId: chosen, ...(after === undefined ? {} : { after }) });
        total.sent += step.sent;
        total.added += step.added;
        total.duplicates += step.duplicates;
        setMessage({ kind: 'status', text: t('teamSharing', formatNumber(total.sent)) });
        if (step.next === null) break;
        after = step.next;
      }
      setMessage({ kind: 'status', text: t('teamShareDone', formatNumber(total.sent), formatNumber(total.added), formatNumber(total.duplicates)) });
    } catch (err) {
      setMessage({ kind: 'alert', text: teamErrorText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <h3>{t('teamShare')}</h3>
      <p class="muted small">{t('teamShareHelp')}</p>
      <div class="row">
        <div class="field">
          <label for="team-share-which">{t('teamShareWhich')}</label>
          <select id="team-share-which" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <option value={CAPTURED_IMPORT}>{t('teamCaptured')}</option>
            {imports.map((j) => (
              <option key={j.id} value={j.id}>{`${j.file} (${formatNumber(j.added)})`}</option>
            ))}
          </select>
        </div>
        <button type="button" disabled={busy} onClick={() => void share()}>{t('teamShareButton')}</button>
      </div>
      {message && <p role={message.kind} data-testid="team-share-status">{message.text}</p>}
      <ShareChosen />
    </>
  );
}

const pullText = (p: PullState) => t(p.done ? 'teamPullDone' : 'teamPullProgress', formatNumber(p.seen), formatNumber(p.kept), formatNumber(p.added));

/** Keep a local copy: the team's changes feed, a step a message, into the local corpus. */
function PullSection() {
  const lang = uiLang();
  const [outlet, setOutlet] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [pulls, setPulls] = useState<PullState[]>([]);
  const [running, setRunning] = useState<PullState | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const refresh = () => call('ui:team-pulls', {}).then(setPulls, () => undefined);
  useEffect(() => void refresh(), []);
  const pull = async (filter: PullFilter) => {
    setMessage(null);
    try {
      for (;;) {
        const state = await call('ui:team-pull', { filter });
        setRunning(state);
        if (state.done) break;
      }
    } catch (err) {
      setMessage({ kind: 'alert', text: teamErrorText(err) });
    } finally {
      setRunning(null);
      void refresh();
    }
  };
  const start = (e: Event) => {
    e.preventDefault();
    const f: PullFilter = {};
    if (outlet) f.outlet = outlet;
    const [a, b] = [isoDayOf(from), isoDayOf(to)];
    if (a) f.from = a;
    if (b) f.to = b;
    void pull(f);
  };
  const filterText = (f: PullFilter) => [f.outlet ? outletName(f.outlet, lang) : t('teamAnyOutlet'), f.from || f.to ? `${f.from ?? '…'} – ${f.to ?? '…'}` : ''].filter(Boolean).join(' · ');
  return (
    <>
      <h3>{t('teamKeepCopy')}</h3>
      <p class="muted small">{t('teamKeepHelp')}</p>
      <form class="row" onSubmit={start}>
        <div class="field">
          <label for="team-pull-outlet">{t('teamPullOutlet')}</label>
          <select id="team-pull-outlet" value={outlet} onChange={(e) => setOutlet(e.currentTarget.value)}>
            <option value="">{t('teamAnyOutlet')}</option>
            {ADAPTERS.map((a) => <option key={a.id} value={a.id}>{outletName(a.id, lang)}</option>)}
          </select>
        </div>
        <DateField label={t('teamPullFrom')} value={from} onValue={setFrom} />
        <DateField label={t('teamPullTo')} value={to} onValue={setTo} />
        <button type="submit" disabled={running !== null}>{t('teamPullButton')}</button>
      </form>
      {running && <p role="status" data-testid="team-pull-status">{pullText(running)}</p>}
      {message && <p role="alert">{message.text}</p>}
      {pulls.length > 0 && (
        <ul class="plain" data-testid="team-pulls">
          {pulls.map((p) => (
            <li key={p.id}>
              <bdi>{filterText(p.filter)}</bdi> — <span>{pullText(p)}</span>{' '}
              {!p.done && running === null && <button type="button" onClick={() => void pull(p.filter)}>{t('teamPullContinue')}</button>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TeamSection() {
  const [status, setStatus] = useState<TeamStatus | null | undefined>(undefined);
  const [message, setMessage] = useState<Message>(null);
  useEffect(() => {
    call('ui:team', {}).then(setStatus, (e: unknown) => setMessage({ kind: 'alert', text: teamErrorText(e) }));
  }, []);
  const check = () =>
    call('ui:team-check', {}).then(
      (s) => {
        setStatus(s);
        setMessage({ kind: 'status', text: t('teamConnected', s.team, s.origin, s.member, roleName(s.role)) });
      },
      (e: unknown) => setMessage({ kind: 'alert', text: teamErrorText(e) }),
    );
  const forget = () =>
    call('ui:team-forget', {}).then(
      () => {
        setStatus(null);
        setMessage({ kind: 'status', text: t('teamForgotten') });
      },
      (e: unknown) => setMessage({ kind: 'alert', text: teamErrorText(e) }),
    );
  return (
    <section aria-labelledby="team-h" class="card" data-testid="team-section">
      <h2 id="team-h">{t('teamCorpus')}</h2>
      <p class="muted small">{t('teamHelp')}</p>
      {status === null && (
        <ConnectForm
          onConnected={(s) => {
            setStatus(s);
            setMessage({ kind: 'status', text: t('teamConnected', s.team, s.origin, s.member, roleName(s.role)) });
          }}
        />
      )}
      {status && (
        <>
          <p data-testid="team-status">
            {/* Names the server gave: text, each isolated. */}
            <bdi dir="auto">{status.team}</bdi> · <bdi dir="ltr">{status.origin}</bdi> · <bdi dir="auto">{status.member}</bdi> ({roleName(status.role)}) · {tn('teamReportCount', status.reports)}
          </p>
          {status.insecure && <p role="alert">{t('teamInsecure')}</p>}
          <div class="row">
            <button type="button" onClick={() => void check()}>{t('teamCheck')}</button>
            <button type="button" onClick={() => void forget()}>{t('teamForget')}</button>
          </div>
        </>
      )}
      {message && <p role={message.kind} data-testid="team-message">{message.text}</p>}
      {status && (status.role === 'reader' ? <p class="muted small">{t('teamReaderOnly')}</p> : <ShareSection />)}
      {status && <PullSection />}
    </section>
  );
}
