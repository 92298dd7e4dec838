// What the side tree should show as current: the path of the organisation on screen.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { PathStep } from '@/api/types';

export const useNavigationStore = defineStore('navigation', () => {
  const currentPath = ref<PathStep[]>([]);
  /** The organisations whose children changed (child added, body moved or closed). */
  const staleNodes = ref<{ ids: number[]; version: number }>({ ids: [], version: 0 });

  function show(path: PathStep[]): void {
    currentPath.value = path;
  }

  function childrenChanged(...ids: number[]): void {
    staleNodes.value = { ids, version: staleNodes.value.version + 1 };
  }

  return { currentPath, staleNodes, show, childrenChanged };
});
