// Which of the user menu's dialogs is open; other pages open them too (the accounts page sends
// her to 修改密码 for her own account, whose password only she changes, with the current one).
import { ref } from 'vue';

export type UserDialog = 'sessions' | 'password';

export const openUserDialog = ref<UserDialog | null>(null);
