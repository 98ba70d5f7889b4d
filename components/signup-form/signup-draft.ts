import type { SignupValues } from './signup-validation.js';

/** What survives a reload: the answers, and the Idempotency-Key of the last attempt with its body. */
export interface SignupDraft {
  values?: Partial<SignupValues>;
  /** The key the last submit used, and the mutation slot (the body, as src/internal/mutation.ts names it) it was used for. */
  key?: string;
  keyFor?: string;
}

/** One draft per API, so two programs on one origin never share answers. */
export const draftStorageKey = (baseUrl = ''): string => `okaeri:signup-draft:${baseUrl}`;

// Storage may be unavailable (privacy modes, quota, a sandboxed frame): a draft is a convenience,
// so failures are ignored rather than breaking the form.
export function loadDraft(storageKey: string): SignupDraft | undefined {
  try {
    const draft: unknown = JSON.parse(localStorage.getItem(storageKey) ?? 'null');
    return draft && typeof draft === 'object' ? (draft as SignupDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(storageKey: string, draft: SignupDraft): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    /* see above */
  }
}

export function clearDraft(storageKey: string): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    /* see above */
  }
}
