// Element Plus services used from scripts (not templates), with their styles.
import { ElMessage, ElNotification } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import 'element-plus/es/components/notification/style/css';

export function showError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, duration: 6000, grouping: true });
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500 });
}

/** A notice that stays until closed: e.g. the shortfalls a body still has after an appointment. */
export function showWarnings(title: string, lines: string[]): void {
  ElNotification({ type: 'warning', title, message: lines.join('\n'), duration: 0, position: 'bottom-right', customClass: 'jg-warnings' });
}
