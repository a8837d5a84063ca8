// The citizen pages load a small app of their own (main.tsx): React and src/public/, plus the pure
// helpers of src/lib/. This test walks the import graph from the public entries and fails when it
// reaches staff code (a feature folder, components/, api/, the staff i18n) or a staff library (Ant
// Design, TanStack Query, the router, i18next, ECharts): that code would then ship to every citizen's
// phone, and the staff app's state (session, CSRF token) would sit in the public chunk.
// It also keeps src/lib/ honest: a module there imports only lib/ and libraries the public app may load.
// Type-only imports are erased by the compiler and do not count.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(fileURLToPath(import.meta.url));

/** Libraries only the staff app may load. */
const STAFF_PACKAGES = [
  /^antd(\/|$)/,
  /^@ant-design\//,
  /^@tanstack\//,
  /^react-router/,
  /^i18next/,
  /^react-i18next/,
  /^echarts/,
  /^zrender/,
  /^dayjs/,
  /^qrcode/,
];
/** Where public code may live (paths relative to src/, with '/'). */
const PUBLIC_PLACES = [/^main\.tsx$/, /^public\//, /^lib\//];
/** The one edge out of the public graph: main.tsx loads the staff app for staff addresses. */
const STAFF_ENTRY = { from: 'main.tsx', spec: './staff' };

type Files = Map<string, string>; // path relative to src/ → source text

function sourceFiles(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p, base);
    return /\.(tsx?|json|css)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [path.relative(base, p).split(path.sep).join('/')] : [];
  });
}

/** The modules a source imports at run time: static, dynamic and worker imports, not `import type`. */
function runtimeImports(text: string): string[] {
  const specs: string[] = [];
  const patterns = [
    /^\s*import\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm,
    /^\s*export\s+(?!type\s)[^'";]*?\sfrom\s+['"]([^'"]+)['"]/gm,
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
    /new\s+URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
  ];
  for (const re of patterns) for (const m of text.matchAll(re)) specs.push(m[1]!);
  return specs;
}

function resolve(files: Files, from: string, spec: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  for (const ext of ['', '.ts', '.tsx', '.json', '/index.ts', '/index.tsx']) if (files.has(base + ext)) return base + ext;
  return null;
}

/** What is wrong with the public graph (rooted at main.tsx and every module of public/) and with lib/. */
function boundaryProblems(files: Files): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [...files.keys()].filter((f) => f === 'main.tsx' || f.startsWith('public/'));
  const check = (from: string, spec: string, where: string) => {
    if (!spec.startsWith('.')) {
      if (STAFF_PACKAGES.some((re) => re.test(spec))) problems.push(`${where}: ${from} imports the staff library ${spec}`);
      return null;
    }
    const target = resolve(files, from, spec);
    if (!target) problems.push(`${where}: ${from} imports ${spec}, which is not a source file`);
    else if (!PUBLIC_PLACES.some((re) => re.test(target))) problems.push(`${where}: ${from} imports staff code ${target}`);
    return target;
  };
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!/\.tsx?$/.test(file)) continue;
    for (const spec of runtimeImports(files.get(file)!)) {
      if (file === STAFF_ENTRY.from && spec === STAFF_ENTRY.spec) continue;
      const target = check(file, spec, 'public app');
      if (target && PUBLIC_PLACES.some((re) => re.test(target))) queue.push(target);
    }
  }
  for (const file of files.keys()) {
    if (!file.startsWith('lib/') || !/\.tsx?$/.test(file)) continue;
    for (const spec of runtimeImports(files.get(file)!)) {
      const target = check(file, spec, 'lib/');
      if (target && !target.startsWith('lib/')) problems.push(`lib/: ${file} imports ${target}, outside lib/`);
    }
  }
  return [...new Set(problems)];
}

describe('the public bundle', () => {
  it('reaches no staff code, and lib/ holds only what it may import', () => {
    const files: Files = new Map(sourceFiles(SRC).map((f) => [f, readFileSync(path.join(SRC, f), 'utf8')]));
    expect(files.has('main.tsx') && files.has('public/main.tsx')).toBe(true);
    expect(boundaryProblems(files)).toEqual([]);
  });

  it('would be refused with a staff import', () => {
    const files: Files = new Map([
      ['main.tsx', "import { publicPage } from './public/paths';\nvoid import('./staff');\n"],
      ['staff.tsx', "import 'antd';\n"],
      ['public/paths.ts', "import { format } from '../lib/format';\nimport type { User } from '../api/types';\n"],
      ['public/submit.tsx', "const Page = () => import('./SubmitTip');\n"],
      ['public/SubmitTip.tsx', "import './public.css';\nimport { useAuth } from '../accounts/auth';\nimport { Button } from 'antd';\n"],
      ['lib/format.ts', 'export const format = 1;\n'],
      ['public/public.css', 'body {}'],
      ['lib/session.ts', "import { queryKeys } from '../api';\n"],
      ['api/index.ts', 'export const queryKeys = {};\n'],
      ['api/types.ts', 'export interface User { name: string }\n'],
      ['accounts/auth.tsx', 'export function useAuth() {}\n'],
    ]);
    expect(boundaryProblems(files).sort()).toEqual([
      'lib/: lib/session.ts imports api/index.ts, outside lib/',
      'lib/: lib/session.ts imports staff code api/index.ts',
      'public app: public/SubmitTip.tsx imports staff code accounts/auth.tsx',
      'public app: public/SubmitTip.tsx imports the staff library antd',
    ]);
  });

  it('reads run-time imports only', () => {
    const text = [
      "import a from './a';",
      "import type { B } from './b';",
      "import { type C, d } from './cd';",
      "export { e } from './e';",
      "export type { F } from './f';",
      "import './g.css';",
      "const h = () => import('./h');",
      "new Worker(new URL('./i.worker.ts', import.meta.url), { type: 'module' });",
    ].join('\n');
    expect(runtimeImports(text).sort()).toEqual(['./a', './cd', './e', './g.css', './h', './i.worker.ts']);
  });
});
