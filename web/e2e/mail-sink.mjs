// A real SMTP server on loopback for the browser tests (server/tests/support/smtp_sink.py on
// Debian's python3-aiosmtpd, installed by scripts/install-deps.sh): every message it receives is
// written to a temporary directory as N.eml (as sent) and N.json (envelope, headers, decoded
// subject and text). Give the server `env` to ANTQ (ANTQ_SMTP_URL, ANTQ_MAIL_FROM).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WEB_DIR } from './harness.mjs';

const SINK = path.resolve(WEB_DIR, '../server/tests/support/smtp_sink.py');
// Debian's interpreter: the one that has python3-aiosmtpd (a python3 earlier in PATH may not)
const PYTHON = '/usr/bin/python3';

/**
 * Starts the sink on a free port. Returns { url, env, messages(), waitFor(n, ms), stop() };
 * messages() lists {mail_from, rcpt_tos, headers: [[name, value]…], subject, text, header(name)}.
 */
export async function startMailSink() {
  if (!existsSync(PYTHON)) throw new Error(`${PYTHON} not found (run scripts/install-deps.sh)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'antq-mail-'));
  // stdin stays open: when this test process dies, the sink sees EOF and ends too
  const child = spawn(PYTHON, [SINK, '--dir', dir, '--port', '0', '--exit-on-stdin-eof'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let log = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (c) => (log += c));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const port = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the mail sink did not start within 15 s\n${log}`)), 15_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (c) => {
      out += c;
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`the mail sink exited (code ${code}); is python3-aiosmtpd installed?\n${log}`));
    });
  });

  const messages = () =>
    readdirSync(dir)
      .filter((f) => /^\d+\.json$/.test(f))
      .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
      .map((f) => {
        const m = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
        m.raw = readFileSync(path.join(dir, f.replace('.json', '.eml')), 'utf8');
        m.header = (name) => m.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? '';
        return m;
      });

  return {
    url: `smtp://127.0.0.1:${port}`,
    env: { ANTQ_SMTP_URL: `smtp://127.0.0.1:${port}`, ANTQ_MAIL_FROM: 'ANTQ <no-reply@antq.example.vn>' },
    messages,
    /** Waits until at least `n` messages arrived (or `ms` passed) and returns them all. */
    async waitFor(n, ms = 15_000) {
      const until = Date.now() + ms;
      for (;;) {
        const m = messages();
        if (m.length >= n || Date.now() > until) return m;
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      child.stdin.end();
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
