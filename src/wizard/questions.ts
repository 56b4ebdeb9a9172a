import { t } from '../messages/index.js';
import { unlockCodeProblem } from '../safety/unlock-code.js';
import { GUID_FORM, HOSTNAME_FORM } from '../input-forms.js';

/**
 * The configurations of the wizard's text prompts, kept apart so the prompt behaviour (masking, what is
 * refused and why) is tested with @inquirer/testing on exactly what the wizard uses.
 */

/** The unlock code: masked, and checked for form before it can cost an attempt. Empty means skip. */
export const unlockCodeQuestion = () => ({
  message: t('wizard.askCode'),
  mask: '*',
  validate: (value: string) => (value === '' || !unlockCodeProblem(value) ? true : t('wizard.codeBadForm')),
});

export const clientIdQuestion = () => ({
  message: t('wizard.askClientId'),
  validate: (value: string) => (/^[A-Za-z0-9._-]{1,100}$/.test(value) ? true : t('wizard.clientIdForm')),
});

/** The API key: masked; never echoed, never stored. */
export const apiKeyQuestion = () => ({
  message: t('wizard.askApiKey'),
  mask: '*',
  validate: (value: string) => (/^[\x21-\x7e]{1,200}$/.test(value) ? true : t('wizard.apiKeyForm')),
});

/** The Connector Protection password (for sfc.exe -k): masked; anything printable, it is passed as one argument. */
export const protectionPasswordQuestion = () => ({
  message: t('wizard.askPassword'),
  mask: '*',
  validate: (value: string) => (value === '' || /^[^\u0000-\u001f\u007f]{1,256}$/.test(value) ? true : t('wizard.passwordForm')),
});

/** Which computer, from a workstation: a host name or a connector GUID, in the forms the flags accept. */
export const computerQuestion = () => ({
  message: t('wizard.askComputer'),
  validate: (value: string) => (GUID_FORM.test(value.trim()) || HOSTNAME_FORM.test(value.trim()) ? true : t('wizard.computerForm')),
});
