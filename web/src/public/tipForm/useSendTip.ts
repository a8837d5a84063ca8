/**
 * Sending a tip: the anti-robot challenge, the tip itself (one silent retry when the answer was
 * refused), then its files one by one. The phase tells the visitor what is happening.
 */
import { useState } from 'react';
import { PublicApiError, sendTip, uploadAttachment, type NewTip, type SentTip } from '../api';
import type { ChallengeSolver } from '../challenge';
import { useI18n } from '../i18n';
import type { UploadResult } from '../Sent';
import { errorText } from '../ui';

export type Phase = 'idle' | 'challenge' | 'sending' | 'uploading';

export interface Sent {
  tip: SentTip;
  uploads: UploadResult[];
}

/** A refusal of the challenge's answer (expired, used, or too easy now that the place receives a flood of tips). */
const challengeRefused = (e: unknown) =>
  e instanceof PublicApiError && (e.code === 'challenge_required' || e.code === 'challenge_failed' || e.code === 'challenge_harder');

export function useSendTip(solver: ChallengeSolver) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>('idle');
  const [uploadStep, setUploadStep] = useState({ i: 0, n: 0 });

  async function sendWithChallenge(body: NewTip): Promise<SentTip> {
    for (let attempt = 0; ; attempt++) {
      setPhase('challenge');
      let header: string | null;
      try {
        header = await solver.take(body.unit);
      } catch (e) {
        throw e instanceof PublicApiError ? e : new Error(t('submit.challengeFailed'));
      }
      setPhase('sending');
      try {
        return await sendTip(body, header);
      } catch (e) {
        // one more round, silently, with a new challenge for the unit
        if (!challengeRefused(e) || attempt >= 1) throw e;
      }
    }
  }

  async function uploadAll(tip: SentTip, files: File[], keepLocation: boolean): Promise<UploadResult[]> {
    const uploads: UploadResult[] = [];
    if (files.length) setPhase('uploading');
    for (let i = 0; i < files.length; i++) {
      const f = files[i]!;
      setUploadStep({ i: i + 1, n: files.length });
      try {
        await uploadAttachment(tip.tracking_code, tip.secret, f, keepLocation);
        uploads.push({ name: f.name, ok: true });
      } catch (e) {
        uploads.push({ name: f.name, ok: false, message: errorText(e, t) });
      }
    }
    return uploads;
  }

  /** Sends the tip and its files; throws when the tip itself was not accepted (the files are then not sent). */
  async function send(body: NewTip, files: File[], keepLocation: boolean): Promise<Sent> {
    let tip: SentTip;
    try {
      tip = await sendWithChallenge(body);
    } catch (e) {
      setPhase('idle');
      // a new answer for the next try (the last one has been used)
      solver.prepare(body.unit);
      throw e;
    }
    const uploads = await uploadAll(tip, files, keepLocation);
    setPhase('idle');
    return { tip, uploads };
  }

  const progress =
    phase === 'challenge'
      ? t('submit.progress.challenge')
      : phase === 'sending'
        ? t('submit.progress.sending')
        : phase === 'uploading'
          ? t('submit.progress.uploading', uploadStep)
          : '';

  return { phase, busy: phase !== 'idle', progress, send };
}
