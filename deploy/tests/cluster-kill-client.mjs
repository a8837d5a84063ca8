// The write load of deploy/tests/cluster-kill-test.sh: citizens' tips and officers' activities
// through nginx, each write with its own Idempotency-Key that the client sends again, with the same
// body, after any error or timeout (as the web app and a phone on a weak network do). In the middle
// it kill -9s one instance. Writes what it saw, attempt by attempt, to a JSON file for the checks.
//
// Then it checks, and exits non-zero with a message for each property that does not hold:
//   - every write the client saw acknowledged (2xx) is in PostgreSQL exactly once, and is the
//     record the answer named (tracking code, id);
//   - no record of this run exists twice (counted by the marker each write carries in its text);
//   - every answer other than a 2xx, and every write not acknowledged in the end, belongs to a
//     request that was in flight when the instance was killed (or is the 409 "still in progress"
//     of such a request's key), and every 5xx nginx logged came from the killed instance.
//
//   node cluster-kill-client.mjs CONFIG.json OUT.json
//   CONFIG: {url, unit, date, admin_user, admin_password, victim_pid, victim_port, run, seconds,
//            kill_at, tip_workers, activity_workers, pg_url, nginx_log}
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const [configPath, outPath] = process.argv.slice(2);
const cfg = JSON.parse(readFileSync(configPath, 'utf8'));
const t0 = Date.now();
const now = () => Date.now() - t0; // ms since the start of the run
const ATTEMPT_TIMEOUT_MS = 15000;
// A write still not acknowledged after this is given up: a key whose first request died with its
// instance answers 409 "in progress" for as long as the server keeps the claim.
const OP_DEADLINE_MS = 8000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function send(method, path, { headers = {}, body } = {}) {
  const started = now();
  try {
    const res = await fetch(cfg.url + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      started,
      ended: now(),
      status: res.status,
      json,
      text: json ? undefined : text.slice(0, 200),
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  } catch (e) {
    return { started, ended: now(), status: 0, error: String(e.cause?.code ?? e.name ?? e) };
  }
}

// Proof of work: a decimal nonce with SHA-256(token ":" nonce) starting with `bits` zero bits.
function solve(token, bits) {
  for (let n = 0; ; n++) {
    const h = createHash('sha256').update(`${token}:${n}`).digest();
    let z = 0;
    for (const byte of h) {
      if (byte === 0) {
        z += 8;
        continue;
      }
      z += Math.clz32(byte) - 24;
      break;
    }
    if (z >= bits) return `${token}:${n}`;
  }
}

async function challenge() {
  for (let i = 0; i < 20; i++) {
    const r = await send('GET', `/api/v1/public/challenge?unit=${encodeURIComponent(cfg.unit)}`);
    if (r.status === 200 && r.json) return r.json.required ? solve(r.json.token, r.json.bits) : '';
    await sleep(200);
  }
  throw new Error('no challenge from the cluster');
}

const ops = [];
let stopping = false;

// One write: sent until acknowledged (2xx), refused for good (4xx other than 409 in progress and a
// spent challenge), or OP_DEADLINE_MS passed. Every attempt is recorded.
async function write(kind, n, session) {
  const key = `${cfg.run}-${kind}-${n}`;
  const marker = `LT${cfg.run}-${kind}-${n}`;
  const op = { kind, key, marker, attempts: [], outcome: 'pending' };
  ops.push(op);
  let body;
  let path;
  let headers = { 'Idempotency-Key': key };
  if (kind === 'tip') {
    path = '/api/v1/public/tips';
    body = {
      unit: cfg.unit,
      category: 'drugs',
      description: `Tin báo thử tải ${marker}: có người lạ tụ tập ở đầu thôn vào ban đêm.`,
      anonymous: true,
    };
    headers['X-Challenge'] = await challenge();
  } else {
    path = '/api/v1/activities';
    body = {
      unit: cfg.unit,
      type: 'propaganda',
      date: cfg.date,
      title: `Tuyên truyền thử tải ${marker}`,
      organizers: ['police'],
      participants: 12,
    };
    headers = { ...headers, Cookie: session.cookie, 'X-CSRF-Token': session.csrf };
  }
  const begun = now();
  for (let attempt = 0; ; attempt++) {
    const r = await send('POST', path, { headers, body });
    op.attempts.push({
      started: r.started,
      ended: r.ended,
      status: r.status,
      error: r.error,
      code: r.json?.error?.code,
      replayed: r.replayed || undefined,
    });
    if (r.status >= 200 && r.status < 300) {
      op.outcome = 'acknowledged';
      op.ref = kind === 'tip' ? r.json?.tracking_code : String(r.json?.id ?? '');
      return;
    }
    const code = r.json?.error?.code;
    if (kind === 'tip' && r.status === 400 && /^challenge_/.test(code ?? '')) {
      headers['X-Challenge'] = await challenge(); // a spent or harder challenge: a new one, same key
    } else if (r.status >= 400 && r.status < 500 && r.status !== 409 && r.status !== 408 && r.status !== 429) {
      op.outcome = 'refused';
      op.refusal = `${r.status} ${code ?? ''} ${r.json?.error?.message ?? r.text ?? ''}`;
      return;
    }
    if (now() - begun > OP_DEADLINE_MS) {
      op.outcome = 'given_up';
      return;
    }
    await sleep(Math.min(2000, 100 * 2 ** Math.min(attempt, 4)));
  }
}

async function login() {
  const r = await fetch(`${cfg.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: cfg.admin_user, password: cfg.admin_password }),
  });
  const body = await r.json();
  if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(body)}`);
  const cookie = r.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('antq_session='));
  return { cookie, csrf: body.csrf_token };
}

async function worker(kind, id, session) {
  for (let n = 0; !stopping; n++) await write(kind, `${id}.${n}`, session);
}

const session = await login();
const workers = [];
for (let i = 0; i < cfg.tip_workers; i++) workers.push(worker('tip', i, session));
for (let i = 0; i < cfg.activity_workers; i++) workers.push(worker('activity', i, session));

await sleep(cfg.kill_at * 1000);
const killedAt = now();
process.kill(cfg.victim_pid, 'SIGKILL');
console.log(`cluster-kill: kill -9 ${cfg.victim_pid} at ${(killedAt / 1000).toFixed(2)} s`);
await sleep((cfg.seconds - cfg.kill_at) * 1000);
stopping = true;
const stoppedAt = now();
await Promise.all(workers);
const finishedAt = now();
writeFileSync(outPath, JSON.stringify({ killed_at: killedAt, stopped_at: stoppedAt, finished_at: finishedAt, ops }));

// ---- checks ----
const failures = [];
const fail = (msg) => failures.push(msg);
const inFlightAtKill = (a) => a.started <= killedAt && a.ended >= killedAt;

function psql(sql) {
  const out = execFileSync('psql', [cfg.pg_url, '-X', '-A', '-t', '-F', '\t', '-v', 'ON_ERROR_STOP=1', '-c', sql], {
    encoding: 'utf8',
  });
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split('\t'));
}
// marker → [refs] in the database (tips: tracking codes; activities: ids)
const stored = new Map();
const like = `LT${cfg.run}-%`;
for (const [marker, ref] of [
  ...psql(`SELECT substring(description from 'LT${cfg.run}-tip-[0-9.]+'), tracking_code FROM tips WHERE description LIKE '%${like}'`),
  ...psql(`SELECT substring(title from 'LT${cfg.run}-activity-[0-9.]+'), id FROM activities WHERE title LIKE '%${like}'`),
]) {
  if (!stored.has(marker)) stored.set(marker, []);
  stored.get(marker).push(ref);
}

const count = { tip: {}, activity: {} };
const bump = (kind, what) => (count[kind][what] = (count[kind][what] ?? 0) + 1);
let ackAfterKill = 0;
let errorAttempts = 0;
let retriedOps = 0;
let replayed = 0;
let unackedStored = 0;
const unacked = [];
const keysInFlight = new Set();
for (const op of ops) if (op.attempts.some(inFlightAtKill)) keysInFlight.add(op.key);
for (const op of ops) {
  bump(op.kind, op.outcome);
  const refs = stored.get(op.marker) ?? [];
  if (op.attempts.length > 1) retriedOps++;
  if (op.attempts.some((a) => a.replayed)) replayed++;
  if (op.outcome === 'acknowledged') {
    if (op.attempts.at(-1).started > killedAt) ackAfterKill++;
    if (refs.length !== 1) fail(`${op.kind} ${op.key} was acknowledged but is in the database ${refs.length} times`);
    else if (refs[0] !== op.ref) fail(`${op.kind} ${op.key} was acknowledged as ${op.ref} but the database holds ${refs[0]}`);
  } else {
    if (refs.length) unackedStored++;
    unacked.push(`${op.key}: ${op.outcome}, ${op.attempts.map((a) => a.status || a.error).join(' ')}, stored ${refs.length}×`);
  }
  if (op.outcome !== 'acknowledged' && !keysInFlight.has(op.key)) {
    fail(`${op.kind} ${op.key} ended ${op.outcome} (${op.refusal ?? 'no 2xx'}) without being in flight at the kill`);
  }
  for (const a of op.attempts) {
    if (a.status >= 200 && a.status < 300) continue;
    errorAttempts++;
    const excused = inFlightAtKill(a) || (a.status === 409 && keysInFlight.has(op.key));
    if (!excused) {
      fail(
        `${op.kind} ${op.key}: ${a.status || a.error} ${a.code ?? ''} at ${a.started}-${a.ended} ms, ` +
          `not in flight at the kill (${killedAt} ms)`,
      );
    }
  }
}
const twice = [...stored].filter(([, refs]) => refs.length > 1);
for (const [marker, refs] of twice) fail(`${marker} is in the database ${refs.length} times: ${refs.join(', ')}`);
const ackTotal = (count.tip.acknowledged ?? 0) + (count.activity.acknowledged ?? 0);
if ((count.tip.acknowledged ?? 0) < 20 || (count.activity.acknowledged ?? 0) < 20) {
  fail(`too little load to judge: ${JSON.stringify(count)}`);
}
if (ackAfterKill < 20) fail(`only ${ackAfterKill} writes acknowledged after the kill: the cluster did not carry on`);

// nginx's view: which instance answered, which requests it sent to another instance.
const victim = `127.0.0.1:${cfg.victim_port}`;
let nginxResent = 0;
let nginxResentFromVictim = 0;
let victimServedBefore = 0;
const wallKill = t0 + killedAt;
for (const line of readFileSync(cfg.nginx_log, 'utf8').split('\n')) {
  const m = /^(\S+) (\S+) (\S+) (\d+) key=(\S*) upstream=(.*) upstream_status=(.*) time=/.exec(line);
  if (!m) continue;
  const [, msec, method, uri, status, , upstream] = m;
  if (upstream.includes(',')) {
    nginxResent++;
    if (upstream.includes(victim)) nginxResentFromVictim++;
  }
  if (Number(msec) * 1000 < wallKill && upstream.trim() === victim) victimServedBefore++;
  if (Number(status) >= 500 && !upstream.includes(victim)) {
    fail(`nginx answered ${status} to ${method} ${uri} from ${upstream}, not the killed instance`);
  }
}
if (victimServedBefore === 0) fail(`the killed instance (${victim}) served nothing before the kill`);

const summary = {
  writes: ops.length,
  acknowledged: ackTotal,
  acknowledged_after_kill: ackAfterKill,
  outcomes: count,
  in_flight_at_kill: keysInFlight.size,
  error_answers_seen: errorAttempts,
  writes_sent_more_than_once_by_client: retriedOps,
  answers_replayed_by_server: replayed,
  nginx_resent_to_another_instance: nginxResent,
  nginx_resent_from_killed_instance: nginxResentFromVictim,
  requests_on_killed_instance_before_kill: victimServedBefore,
  not_acknowledged_but_stored: unackedStored,
  records_twice: twice.length,
  killed_at_s: +(killedAt / 1000).toFixed(2),
  load_stopped_at_s: +(stoppedAt / 1000).toFixed(2),
  finished_at_s: +(finishedAt / 1000).toFixed(2),
};
console.log(`cluster-kill: ${JSON.stringify(summary)}`);
for (const u of unacked) console.log(`cluster-kill: not acknowledged: ${u}`);
if (failures.length) {
  console.error(`cluster-kill: FAILED, ${failures.length} problem(s):`);
  for (const f of failures.slice(0, 40)) console.error(`  - ${f}`);
  process.exit(1);
}
console.log('cluster-kill: OK: every acknowledged write stored once, no record twice, errors only in flight at the kill');
