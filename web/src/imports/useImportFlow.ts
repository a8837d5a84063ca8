/**
 * The state of an upload before it runs: the chosen file (checked here for its size and type), the
 * XLSX sheet, the person's corrections of the column mapping, and the dry run's answer (asked again
 * whenever one of them changes). `start` queues the real run and hands its id to `onStarted`.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { dryRunImport, startImport, type DryRun } from './api';
import { chooseField, fileProblem, importRegister, type FileProblem, type MappingChoice } from './logic';
import type { ImportTarget } from './targets';

interface Check {
  file: File;
  sheet: string;
  choice: MappingChoice | null;
}

export function useImportFlow(target: ImportTarget, onStarted: (id: string) => void) {
  const register = importRegister(target);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<FileProblem | null>(null);
  const [sheet, setSheet] = useState('');
  const [checkedSheet, setCheckedSheet] = useState('');
  const [choice, setChoice] = useState<MappingChoice | null>(null);
  const [result, setResult] = useState<DryRun | null>(null);

  const check = useMutation({ mutationFn: (c: Check) => dryRunImport(c.file, { register, sheet: c.sheet, mapping: c.choice }) });
  const run = (c: Check) => {
    setCheckedSheet(c.sheet);
    // only the last check's answer counts (a quick second change of the mapping)
    check.mutate(c, { onSuccess: setResult });
  };

  const start = useMutation({
    mutationFn: () => startImport(file as File, { register, sheet: checkedSheet, mapping: choice }),
    onSuccess: ({ id }) => onStarted(id),
  });

  /** A file dropped or chosen: refused here when too big or not a sheet, else checked at once. */
  const pick = (f: File) => {
    const p = fileProblem(f);
    setProblem(p);
    setResult(null);
    setChoice(null);
    check.reset();
    start.reset();
    if (p) {
      setFile(null);
      return;
    }
    setFile(f);
    run({ file: f, sheet, choice: null });
  };

  /** One sheet column set to feed `field` (null: ignored); checked again at once. */
  const remap = (header: string, field: string | null) => {
    if (!file || !result) return;
    const next = chooseField(result.mapping, choice, header, field);
    setChoice(next);
    run({ file, sheet: checkedSheet, choice: next });
  };

  /** The sheet name typed in: checked again when it changed. */
  const applySheet = () => {
    if (file && sheet.trim() !== checkedSheet.trim()) run({ file, sheet, choice });
  };

  const reset = () => {
    setFile(null);
    setProblem(null);
    setResult(null);
    setChoice(null);
    check.reset();
    start.reset();
  };

  return { file, problem, sheet, setSheet, applySheet, choice, result, check, start, pick, remap, reset };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
