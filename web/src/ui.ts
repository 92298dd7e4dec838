// Element Plus services used from scripts (not templates), with their styles.
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';
import { i18n } from './i18n';

export function showError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, duration: 6000, grouping: true });
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500 });
}

/**
 * Asks before typed data is thrown away (a dialog closed by Escape, a click outside, Cancel, or
 * leaving a page). True: discard. Escape or a click outside the question keeps editing.
 */
export async function confirmDiscard(): Promise<boolean> {
  const t = i18n.global.t;
  try {
    await ElMessageBox.confirm(t('common.discardQuestion'), t('common.discardTitle'), {
      confirmButtonText: t('common.discard'),
      cancelButtonText: t('common.keepEditing'),
      type: 'warning',
      distinguishCancelAndClose: true,
      customClass: 'jg-discard',
    });
    return true;
  } catch {
    return false;
  }
}
