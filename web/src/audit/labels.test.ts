// Every action the server writes to the audit trail has a Vietnamese name on the audit page: the
// literal action codes of the server's audit calls are read from its source and looked up.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from './texts.en.json';
import vi from './texts.vi.json';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditLabel, auditOptions } from './labels';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.cpp') ? [p] : [];
  });
}

/** Action codes written literally: `audit.record(c, {who, "x.y", …`, `audit(c, who, "x", …`, `ctx.record("x.y", …`, `fail(…, "x")`. */
function serverActions(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\.record\(c(?:onn)?,\s*(?:audit::Entry)?\{[^,]+,\s*"([a-z_]+(?:\.[a-z_]+)?)"/g,
    /\baudit\(c,\s*[^,]+,\s*"([a-z_]+(?:\.[a-z_]+)?)"/g,
    /\bctx\.record\("([a-z_]+\.[a-z_]+)"/g,
    /\bthrow fail\([^;]*,\s*"([a-z_]+)"\)/g,
  ];
  for (const f of files(SRC)) {
    const text = readFileSync(f, 'utf8');
    for (const re of patterns) for (const m of text.matchAll(re)) found.add(m[1]!);
    // evaluation events: event(c, …, "submit", …) writes "evaluation.submit"
    for (const m of text.matchAll(/\bevent\(c,\s*audit_?,\s*who,\s*e,\s*"([a-z_]+)"/g)) found.add(`evaluation.${m[1]}`);
    // registers: "<entity>" + ".create" etc. for every spec's entity; reveals: "<entity>.reveal"
    for (const m of text.matchAll(/spec_\.entity \+ "\.([a-z_]+)"/g)) found.add(`*.${m[1]}`);
  }
  return found;
}

describe('audit actions', () => {
  it.runIf(existsSync(SRC))('names every action the server writes', () => {
    const known = new Set<string>(AUDIT_ACTIONS);
    const actions = serverActions();
    expect(actions.size).toBeGreaterThan(20);
    for (const a of actions) {
      if (a.startsWith('*.')) continue;
      expect(known.has(a), a).toBe(true);
    }
    // every register entity with its create/update/delete
    const entities = [
      ...new Set(files(SRC).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/s\.entity = "([a-z_]+)"/g)].map((m) => m[1]!))),
    ];
    expect(entities.length).toBeGreaterThan(5);
    for (const e of entities) for (const op of ['create', 'update', 'delete']) expect(known.has(`${e}.${op}`), `${e}.${op}`).toBe(true);
    for (const f of files(SRC)) {
      const text = readFileSync(f, 'utf8');
      if (/s\.attachments = true/.test(text)) {
        const entity = /s\.entity = "([a-z_]+)"/.exec(text)?.[1];
        if (entity) expect(known.has(`${entity}.attach`), `${entity}.attach`).toBe(true);
      }
    }
  });

  it('shows Vietnamese names, sorted in Vietnamese order, for the filter list', () => {
    const t = (key: string, o?: { defaultValue: string }) => {
      const [group, k] = key.split('.') as [string, string];
      return ((vi as unknown as Record<string, Record<string, string>>)[group]?.[k] ?? o?.defaultValue ?? key) as string;
    };
    expect(auditLabel(t, 'auditAction', 'tip.reveal')).toBe('Xem danh tính người báo');
    expect(auditLabel(t, 'auditAction', 'report.issue')).toBe('Ban hành báo cáo');
    expect(auditLabel(t, 'auditAction', 'patrol.attach')).toBe('Đính kèm ảnh tuần tra');
    const options = auditOptions(t, 'auditAction', AUDIT_ACTIONS);
    expect(options.every((o) => o.label !== o.value)).toBe(true);
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort(new Intl.Collator('vi').compare));
    for (const e of AUDIT_ENTITIES) expect((en as unknown as Record<string, Record<string, string>>).auditEntity?.[e], e).toBeTruthy();
  });
});
