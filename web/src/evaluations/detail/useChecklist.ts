/** The checklist's state (answers, date, notes), its saving, submitting and deleting. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ButtonProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../accounts/auth';
import { dayOf } from '../../registers/payload';
import { deleteEvaluation, evaluationKeys, submitEvaluation, updateEvaluation, type Evaluation } from '../api';
import { actionsFor, answersOf, evaluationPatch, expectedResult, progressOf, unanswered, type Answers } from '../logic';
import { EVALUATIONS_PATH } from '../paths';
import { useFeedback } from '../../components/feedback';

export function useChecklist(ev: Evaluation) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message, modal } = useFeedback();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actions = actionsFor(ev, user);
  const [answers, setAnswers] = useState<Answers>(() => answersOf(ev.criteria));
  const [evaluatedOn, setEvaluatedOn] = useState<Dayjs | null>(dayOf(ev.evaluated_on));
  const [notes, setNotes] = useState(ev.notes ?? '');
  const [missing, setMissing] = useState<string[]>([]);

  // a new answer from the server (after a save, a decision) replaces the local state
  useEffect(() => {
    setAnswers(answersOf(ev.criteria));
    setEvaluatedOn(dayOf(ev.evaluated_on));
    setNotes(ev.notes ?? '');
  }, [ev]);

  const progress = progressOf(ev.criteria, answers);
  const expected = expectedResult(ev.criteria, answers, ev.rules);
  const patch = evaluationPatch(ev, answers, evaluatedOn ? evaluatedOn.format('YYYY-MM-DD') : null, notes);
  const dirty = patch !== null;
  const key = evaluationKeys.detail(ev.id);
  const store = async (saved: Evaluation) => {
    queryClient.setQueryData(key, saved);
    await queryClient.invalidateQueries({ queryKey: ['staff', 'evaluations', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['staff', 'evaluations', 'pending'] });
  };

  const save = useMutation({
    mutationFn: async () => (patch ? updateEvaluation(ev.id, patch) : ev),
    onSuccess: async (saved) => {
      await store(saved);
      void message.success(t('evaluations.detail.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (patch) await updateEvaluation(ev.id, patch);
      return submitEvaluation(ev.id);
    },
    onSuccess: async (saved) => {
      await store(saved);
      void message.success(t('evaluations.detail.submitted'));
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: () => deleteEvaluation(ev.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      void message.success(t('evaluations.detail.deleted'));
      navigate(EVALUATIONS_PATH);
    },
  });

  const trySubmit = () => {
    const left = unanswered(ev.criteria, answers);
    if (left.length) {
      setMissing(left);
      void message.warning(t('evaluations.detail.answerAll', { n: left.length }));
      document.getElementById(`criterion-${left[0]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    if (!evaluatedOn) {
      void message.warning(t('evaluations.detail.needDate'));
      document.getElementById('evaluated-on')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    modal.confirm({
      title: t('evaluations.detail.submitConfirm'),
      content: t('evaluations.detail.submitHint', { unit: ev.approver_unit?.name ?? '' }),
      okText: t('evaluations.detail.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-ok' } as ButtonProps,
      onOk: () => submit.mutateAsync().catch(() => undefined),
    });
  };

  const lastReturn = [...ev.history].reverse().find((h) => h.action === 'returned' || h.action === 'return');
  const error = save.error ?? submit.error ?? remove.error;

  return {
    actions,
    answers,
    setAnswers,
    evaluatedOn,
    setEvaluatedOn,
    notes,
    setNotes,
    missing,
    setMissing,
    progress,
    expected,
    dirty,
    store,
    save,
    submit,
    remove,
    trySubmit,
    lastReturn,
    error,
  };
}

export type ChecklistState = ReturnType<typeof useChecklist>;
