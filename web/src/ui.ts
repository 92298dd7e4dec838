// Element Plus services used from scripts (not templates), with their styles.
import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';

export function showError(message: string): void {
  ElMessage({ type: 'error', message, showClose: true, duration: 6000, grouping: true });
}

export function showSuccess(message: string): void {
  ElMessage({ type: 'success', message, duration: 2500 });
}
