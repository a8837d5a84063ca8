// ESLint formatter for scripts/lint.sh: one line a finding, "path:line:col: message [rule]", the path
// relative to the repository root, so every check of `make lint` reads the same way.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export default function format(results) {
  const lines = [];
  for (const result of results) {
    const file = path.relative(root, result.filePath);
    for (const m of result.messages) {
      lines.push(`${file}:${m.line ?? 0}:${m.column ?? 0}: ${m.message} [${m.ruleId ?? (m.fatal ? 'parse error' : 'eslint')}]`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
