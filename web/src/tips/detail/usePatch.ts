import { useMutation, useQueryClient } from '@tanstack/react-query';

import { tipKeys, updateTip, type TipDetail as Tip, type TipPatch } from '../api';
import { errorMessage } from '../../components/ApiErrorAlert';
import { useFeedback } from '../../components/feedback';

/** PATCH the tip, then reload it (and the lists); shows the server's message on failure. */
export function usePatch(tip: Tip) {
  const queryClient = useQueryClient();
  const { message } = useFeedback();
  return useMutation({
    mutationFn: (body: TipPatch) => updateTip(tip.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: tipKeys.detail(String(tip.id)) });
      await queryClient.invalidateQueries({ queryKey: ['staff', 'tips', 'list'] });
    },
    onError: (e) => {
      void message.error(errorMessage(e, ''));
    },
  });
}
