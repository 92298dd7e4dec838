// One form's page state, all of it in the URL (scope, report date, baseline, the open count): Back,
// reload and a shared link return to the same view, and Back closes the drill-down it opened. The
// form is asked once per scope and dates; opening a count asks only who is behind it.
import { computed, ref } from 'vue';
import { useRouter } from 'vue-router';
import { formsApi, type CellAnswer, type FormAnswer, type FormNumber, type FormScope } from '@/api/forms';
import { todayIso } from '@/domain/dates';
import { closesByBack, formatCell, formPageSchema, hasCount, parseCell, type CellRef, type FormPageState } from '@/domain/forms';
import { formatQuery, useQueryState } from '@/components/useQueryState';

export function useFormPage(form: FormNumber, ownOrganisation: () => number | null) {
  const router = useRouter();
  const schema = formPageSchema(ownOrganisation, todayIso);
  const answer = ref<FormAnswer | null>(null);
  const loading = ref(false);
  const cellAnswer = ref<CellAnswer | null>(null);
  const cellLoading = ref(false);
  let asked = '';
  let cellAsked = '';

  const scopeOf = (s: FormPageState): FormScope => ({ within: s.within, on: s.on, baseline: s.baseline });

  /** The open count, when the form has that row (or its 合计 row) and that count column. */
  const openCell = computed<CellRef | null>(() => {
    const cell = parseCell(state.cell);
    const f = answer.value;
    if (!cell || !f) return null;
    return hasCount(f, cell) ? cell : null;
  });

  async function load(s: FormPageState): Promise<void> {
    const key = `${s.within}|${s.on}|${s.baseline}`;
    if (key !== asked) {
      loading.value = true;
      cellAsked = '';
      try {
        answer.value = await formsApi.get(form, scopeOf(s));
        asked = key;
      } catch {
        answer.value = null;
        asked = '';
      } finally {
        loading.value = false;
      }
    }
    await loadCell(s);
  }

  async function loadCell(s: FormPageState): Promise<void> {
    const cell = parseCell(s.cell);
    if (!cell || !answer.value || !hasCount(answer.value, cell)) {
      cellAnswer.value = null;
      cellAsked = '';
      return;
    }
    const key = `${asked}|${s.cell}|${s.page}`;
    if (key === cellAsked) return;
    cellAsked = key;
    cellLoading.value = true;
    // another page of the same count keeps the list in view until the next one is in
    if (cellAnswer.value && !key.startsWith(`${asked}|${s.cell}|`)) cellAnswer.value = null;
    try {
      cellAnswer.value = await formsApi.cell(form, scopeOf(s), cell.row, cell.column, s.page);
    } catch {
      cellAnswer.value = null;
    } finally {
      cellLoading.value = false;
    }
  }

  // last: it loads the page at once, with everything above in place
  const { state, commit, set } = useQueryState(schema, (s) => void load(s));

  /** Scope or a date changed: a new history entry (Back returns to the former view), the drill-down closed. */
  function apply(): void {
    state.cell = '';
    void commit();
  }

  /** A count opened: a new history entry, so that Back closes it; its list from the first page. */
  function open(cell: CellRef): void {
    void set({ cell: formatCell(cell), page: 1 });
  }

  /** Another page of the open count: it replaces the entry, so that Back still closes the drill-down. */
  function turnPage(page: number): void {
    void set({ page }, { replace: true });
  }

  /** The drill-down closed by its ×, Escape or a click outside: Back when it was opened here, else the entry replaced. */
  function close(): void {
    if (state.cell === '') return;
    const withoutCell = router.resolve({ query: formatQuery(schema, { ...state, cell: '', page: 1 }) }).fullPath;
    const previous = router.options.history.state.back; // the web history keeps the entry before; a memory history does not
    if (closesByBack(previous, withoutCell)) router.back();
    else void set({ cell: '', page: 1 }, { replace: true });
  }

  return { state, answer, loading, cellAnswer, cellLoading, openCell, apply, open, turnPage, close };
}
