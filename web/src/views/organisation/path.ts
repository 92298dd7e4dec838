import type { PathStep } from '@/api/types';

export function pathText(path: readonly PathStep[]): string {
  return path.map((s) => s.name).join(' / ');
}
