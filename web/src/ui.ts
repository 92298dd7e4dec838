// Element Plus services used from scripts (not templates), with their styles.
import { ElMessage, ElMessageBox } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/message-box/style/css';

export function showError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, duration: 6000, grouping: true });
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500 });
}

export async function confirmAction(message: string, title: string, ok: string, cancel: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, title, { type: 'warning', confirmButtonText: ok, cancelButtonText: cancel });
    return true;
  } catch {
    return false;
  }
}
