import type { ApiError } from '../composables/apiError';

/** What every action form of the case page takes, besides its own. */
export interface ActionFormProps {
  /** The API's answer to the last attempt. */
  error?: ApiError | null;
  running?: boolean;
  /** False once the case moved on (a conflict): the text stays, but it cannot be sent. */
  canSubmit?: boolean;
}

export const ACTION_FORM_DEFAULTS = { error: null, running: false, canSubmit: true } as const;
