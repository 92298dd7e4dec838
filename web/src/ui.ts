// Element Plus services used from scripts (not templates), with their styles.
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { i18n } from './i18n';

export function showError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, duration: 6000, grouping: true });
}

/** Something she should act on, outside this page: stays a while and can be closed. */
export function showNotice(message: string): void {
  ElMessage({ type: 'warning', message, showClose: true, duration: 10000 });
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500 });
}

interface Question {
  title: string;
  message: string;
  confirm: string;
  cancel: string;
}

/** A question with two answers; true only for the confirming one (Escape or a click outside is the other). */
async function ask(question: Question, customClass: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(question.message, question.title, {
      confirmButtonText: question.confirm,
      cancelButtonText: question.cancel,
      type: 'warning',
      distinguishCancelAndClose: true,
      customClass,
    });
    return true;
  } catch {
    return false;
  }
}

/**
 * Asks before typed data is thrown away (a dialog closed by Escape, a click outside, Cancel, or
 * leaving a page). True: discard. Escape or a click outside the question keeps editing.
 */
export function confirmDiscard(): Promise<boolean> {
  const t = i18n.global.t;
  return ask(
    { title: t('common.discardTitle'), message: t('common.discardQuestion'), confirm: t('common.discard'), cancel: t('common.keepEditing') },
    'jg-discard',
  );
}

/**
 * The last question before a change that cannot be undone (a merge), naming what will happen.
 * Escape, a click outside or the other button keep the form as it was.
 */
export function confirmChange(question: Question): Promise<boolean> {
  return ask(question, 'jg-confirm-change');
}
