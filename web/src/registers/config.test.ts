// The field configs mirror the server's register specs: read every
// server/src/modules/<register>/<register>_spec.cpp and compare names, types, Vietnamese labels,
// catalogues, choices, required flags, date rules and permissions.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import en from '../i18n/en.json';
import vi from '../i18n/vi.json';
import {
  CATALOG_KINDS,
  MOVEMENT_REGISTERS,
  REGISTERS,
  REGISTER_BY_NAME,
  choiceLabel,
  filterFields,
  pick,
  registerApiPath,
  registerBySlug,
  registerPath,
  type FieldType,
  type RegisterName,
} from './config';

const SERVER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../server/src/modules');

interface ServerField {
  builder: string;
  name: string;
  label: string;
  args: string;
  /** f::sealed(f::text(…), hashed, …) */
  sealed: boolean;
  hashed: boolean;
}

interface ServerSpec {
  fields: ServerField[];
  readPermission: string;
  writePermission: string;
  dateField?: string;
  ordered: [string, string][];
  unitKinds: string[];
  filterable: string[];
  attachments: boolean;
}

/** The calls `f::name(args)` at the top level of `text`, args as written (strings kept whole). */
function calls(text: string): { fn: string; args: string }[] {
  const out: { fn: string; args: string }[] = [];
  const re = /f::(\w+)\(/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    let depth = 1;
    let i = re.lastIndex;
    let inString = false;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i]!;
      if (inString) {
        if (c === '\\') i++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
    }
    out.push({ fn: m[1]!, args: text.slice(re.lastIndex, i - 1) });
    re.lastIndex = i;
  }
  return out;
}

function fieldOf(fn: string, args: string): ServerField {
  if (fn === 'sealed') {
    const [inner] = calls(args);
    if (!inner) throw new Error(`cannot read f::sealed(${args})`);
    const rest = args.slice(args.lastIndexOf(')') + 1);
    return { ...fieldOf(inner.fn, inner.args), sealed: true, hashed: /^\s*,\s*true\b/.test(rest) };
  }
  const m = /^\s*"(\w+)",\s*"([^"]*)"([\s\S]*)$/.exec(args);
  if (!m) throw new Error(`cannot read f::${fn}(${args})`);
  return { builder: fn, name: m[1]!, label: m[2]!, args: m[3]!.trim(), sealed: false, hashed: false };
}

/** The pieces of a spec file the web needs (the builders are written one call per field). */
function readSpec(name: string): ServerSpec {
  const src = readFileSync(specFile(name), 'utf8');
  const body = /s\.fields = \{([\s\S]*?)\};\n/.exec(src)?.[1] ?? '';
  const fields = calls(body).map((c) => fieldOf(c.fn, c.args));
  const str = (re: RegExp) => re.exec(src)?.[1];
  const ordered = [...(str(/s\.ordered = \{([\s\S]*?)\};/) ?? '').matchAll(/\{"(\w+)",\s*"(\w+)"\}/g)].map(
    (m) => [m[1]!, m[2]!] as [string, string],
  );
  const unitKinds = [...(str(/s\.unit_kinds = \{([^}]*)\}/) ?? '').matchAll(/"(\w+)"/g)].map((m) => m[1]!);
  const filterable = [...src.matchAll(/s\.fields\[(\d+)\]\.filterable = true/g)].map((m) => fields[Number(m[1])]!.name);
  return {
    fields,
    readPermission: str(/s\.read_permission = "([\w.]+)"/) ?? 'movement.read',
    writePermission: str(/s\.write_permission = "([\w.]+)"/) ?? '',
    dateField: str(/s\.date_field = "(\w+)"/),
    ordered,
    unitKinds,
    attachments: /s\.attachments = true/.test(src),
    filterable,
  };
}

const specFile = (name: string) => path.join(SERVER, name, `${name}_spec.cpp`);

const TYPE_OF: Record<string, FieldType> = {
  text: 'text',
  long_text: 'long_text',
  date: 'date',
  datetime: 'datetime',
  count: 'count',
  year: 'year',
  code: 'code',
  codes: 'codes',
  choice: 'choice',
  reference: 'reference',
  people: 'people',
  items: 'items',
};

const REF_REGISTER: Record<string, RegisterName> = { movement_groups: 'groups' };

const bools = (args: string) => [...args.matchAll(/\b(true|false)\b/g)].map((m) => m[1] === 'true');
const strings = (args: string) => [...args.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);

describe('register configs', () => {
  const haveServer = existsSync(SERVER);

  for (const cfg of REGISTERS) {
    // reintegration and hotspots: checked once the server's specs exist
    const present = haveServer && existsSync(specFile(cfg.name));
    it.runIf(present)(`${cfg.name} mirrors the server spec`, () => {
      const spec = readSpec(cfg.name);
      expect(cfg.fields.map((f) => f.name)).toEqual(spec.fields.map((f) => f.name));
      expect(cfg.readPermission).toBe(spec.readPermission);
      expect(cfg.writePermission).toBe(spec.writePermission);
      expect(cfg.dateField).toBe(spec.dateField);
      expect([...(cfg.unitKinds ?? [])]).toEqual(spec.unitKinds);
      expect(!!cfg.attachments, `${cfg.name} takes photos`).toBe(spec.attachments);
      for (const [i, sf] of spec.fields.entries()) {
        const f = cfg.fields[i]!;
        const where = `${cfg.name}.${f.name}`;
        expect(f.type, where).toBe(TYPE_OF[sf.builder]);
        expect(f.label.vi, where).toBe(sf.label);
        expect(!!f.sealed, where).toBe(sf.sealed);
        expect(!!f.hashed, where).toBe(sf.hashed);
        const flags = bools(sf.args);
        const strs = strings(sf.args);
        switch (sf.builder) {
          case 'code':
            expect(f.catalog, where).toBe(strs[0]);
            expect(!!f.required, where).toBe(flags[0] ?? false);
            break;
          case 'codes': {
            expect(f.catalog, where).toBe(strs[0]);
            const min = Number(/,\s*(\d+)\s*$/.exec(sf.args)?.[1] ?? 0);
            expect(f.minItems ?? 0, where).toBe(min);
            expect(!!f.required, where).toBe(min > 0);
            break;
          }
          case 'choice': {
            const pairs = [...sf.args.matchAll(/\{"(\w+)",\s*"([^"]*)"\}/g)].map((m) => ({ code: m[1], vi: m[2] }));
            expect(
              f.choices?.map((c) => ({ code: c.code, vi: c.label.vi })),
              where,
            ).toEqual(pairs);
            expect(!!f.required, where).toBe(flags[0] ?? false);
            const tail = /\}\}\s*,\s*(?:true|false)\s*,\s*"(\w+)"\s*$/.exec(sf.args)?.[1];
            expect(f.defaultChoice, where).toBe(tail);
            break;
          }
          case 'reference':
            expect(f.ref, where).toBe(REF_REGISTER[strs[0]!] ?? strs[0]);
            break;
          case 'people':
            expect(f.minItems, where).toBe(Number(/,\s*(\d+)\s*$/.exec(sf.args)?.[1]));
            break;
          case 'items':
            expect([...(f.itemFields ?? [])], where).toEqual(strs);
            break;
          case 'date':
          case 'datetime':
            expect(!!f.required, where).toBe(flags[0] ?? false);
            expect(!!f.noFuture, where).toBe(flags[1] ?? false);
            break;
          case 'text':
          case 'long_text':
          case 'year':
            expect(!!f.required, where).toBe(flags[0] ?? false);
            if (sf.builder === 'text') expect(f.max, where).toBe(Number(/,\s*(\d+)\s*$/.exec(sf.args)?.[1] ?? 300));
            break;
        }
        // what the server filters on is what the list offers
        const serverFilters = (['code', 'codes', 'choice'].includes(sf.builder) && !sf.sealed) || spec.filterable.includes(sf.name);
        expect(!!f.filter, where).toBe(serverFilters);
      }
      // "later not before earlier" pairs
      const notBefore = cfg.fields.filter((f) => f.notBefore).map((f) => [f.name, f.notBefore]);
      expect(notBefore).toEqual(spec.ordered);
    });
  }

  it('has every register of the API contract, at its own address', () => {
    expect(REGISTERS.map((r) => r.name).sort()).toEqual(
      [
        'activities',
        'awards',
        'groups',
        'hotspots',
        'mediations',
        'models',
        'opinions',
        'patrols',
        'pledges',
        'programs',
        'reintegration',
      ].sort(),
    );
    expect(new Set(REGISTERS.map((r) => r.slug)).size).toBe(REGISTERS.length);
    expect(new Set(REGISTERS.map(registerPath)).size).toBe(REGISTERS.length);
    expect(registerPath(REGISTER_BY_NAME.reintegration)).toBe('/tai-hoa-nhap');
    expect(registerPath(REGISTER_BY_NAME.hotspots)).toBe('/dia-ban-trong-diem');
    expect(registerApiPath('reintegration')).toBe('reintegration/people');
    expect(registerApiPath('activities')).toBe('activities');
    // the security registers have their own addresses, not /so/<slug>
    expect(registerBySlug('tai-hoa-nhap')).toBeUndefined();
    expect(MOVEMENT_REGISTERS.map((r) => r.name)).not.toContain('reintegration');
    expect(registerBySlug('hoat-dong')?.name).toBe('activities');
    expect(registerBySlug('mo-hinh')?.name).toBe('models');
    expect(registerBySlug('hoa-giai')?.name).toBe('mediations');
    expect(registerBySlug('nope')).toBeUndefined();
  });

  it('names registers, fields and choices in both languages', () => {
    for (const r of REGISTERS) {
      expect(r.title.vi && r.title.en && r.item.vi && r.item.en, r.name).toBeTruthy();
      // a person is named by a pseudonymous reference, never by a field
      expect(r.pseudonymous ? r.titleField === 'ref' : r.fields.some((f) => f.name === r.titleField), r.name).toBe(true);
      // nothing sealed is ever a column or a filter
      for (const c of r.columns) expect(r.fields.find((f) => f.name === c)?.sealed ?? false, `${r.name}.${c}`).toBe(false);
      for (const f of r.fields) if (f.sealed) expect(!!f.filter, `${r.name}.${f.name}`).toBe(false);
      for (const c of r.columns)
        expect(
          r.fields.some((f) => f.name === c),
          `${r.name}.${c}`,
        ).toBe(true);
      for (const f of r.fields) {
        expect(f.label.vi.trim() && f.label.en.trim(), `${r.name}.${f.name}`).toBeTruthy();
        if (f.catalog) expect(CATALOG_KINDS).toContain(f.catalog);
        for (const c of f.choices ?? []) expect(c.label.vi.trim() && c.label.en.trim(), `${f.name}.${c.code}`).toBeTruthy();
      }
      // every register has an introduction in both languages
      expect((vi.registers.intro as Record<string, string>)[r.name], r.name).toBeTruthy();
      expect((en.registers.intro as Record<string, string>)[r.name], r.name).toBeTruthy();
    }
  });

  it('shows choices in the language asked for', () => {
    const outcome = registerBySlug('hoa-giai')!.fields.find((f) => f.name === 'outcome')!;
    expect(choiceLabel(outcome, 'successful', 'vi')).toBe('Hòa giải thành');
    expect(choiceLabel(outcome, 'successful', 'en')).toBe('Successful');
    expect(choiceLabel(outcome, 'unknown', 'vi')).toBe('unknown');
    expect(choiceLabel(outcome, null, 'vi')).toBe('');
    expect(pick({ vi: 'Hoạt động', en: 'Activities' }, undefined)).toBe('Hoạt động');
    expect(filterFields(registerBySlug('hoat-dong')!).map((f) => f.name)).toEqual(['type', 'organizers', 'audience', 'topics']);
  });
});
