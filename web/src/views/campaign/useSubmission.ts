// The state of one body's submission page: where it stands on the milestone, its versions and
// reminders, the version on view (its id in the URL as ?version=, so Back closes it), and the
// decisions of the level above. Refusals the server gives (already submitted, already accepted …)
// are kept as a code for the page to say in plain words.
import { computed, ref } from 'vue';
import { ApiError } from '@/api/errors';
import { currentLanguage } from '@/i18n';
import { campaignsApi, submitRefusals, type CampaignDetail, type Progress, type SubmissionDetail } from '@/api/campaigns';
import { formsApi, type FormAnswer } from '@/api/forms';
import { queryField, useQueryState } from '@/components/useQueryState';
import { awaitingDecision, isFormSnapshot, maySubmit } from '@/domain/campaign';

export type Refusal = (typeof submitRefusals)[number];

export function refusalOf(error: unknown): Refusal | null {
  if (!(error instanceof ApiError)) return null;
  return submitRefusals.find((code) => code === error.code) ?? null;
}

export function useSubmission(milestoneId: number, organisationId: number) {
  const progress = ref<Progress | null>(null);
  const campaign = ref<CampaignDetail | null>(null);
  const loading = ref(true);
  const refusal = ref<Refusal | null>(null);
  const viewed = ref<SubmissionDetail | null>(null);
  const viewedLayout = ref<FormAnswer | null>(null);
  const viewLoading = ref(false);

  const { state, set } = useQueryState({ version: queryField.id() }, (s) => void view(s.version));

  /** The form as it stands now for this body on the report date against the campaign's baseline. */
  async function liveForm(): Promise<FormAnswer | null> {
    const m = progress.value?.milestone;
    if (!m || m.kind !== 'form' || m.form === null) return null;
    return formsApi.get(m.form, { within: organisationId, on: m.report_on, baseline: campaign.value?.baseline_on ?? '' });
  }

  async function load(): Promise<void> {
    loading.value = true;
    try {
      progress.value = await campaignsApi.progress(milestoneId, organisationId);
      if (!campaign.value) campaign.value = await campaignsApi.get(progress.value.milestone.campaign_id).catch(() => null);
    } catch {
      // shown by the request pipeline
    } finally {
      loading.value = false;
    }
  }

  async function view(id: number | null): Promise<void> {
    if (id === null) {
      viewed.value = null;
      return;
    }
    viewLoading.value = true;
    try {
      const detail = await campaignsApi.submission(id);
      viewedLayout.value = isFormSnapshot(detail.snapshot) && detail.milestone.form !== null
        ? await formsApi.get(detail.milestone.form, { within: detail.organisation_id, on: detail.milestone.report_on, baseline: detail.snapshot.baseline })
        : null;
      viewed.value = detail;
    } catch {
      viewed.value = null;
    } finally {
      viewLoading.value = false;
    }
  }

  const open = (id: number | null) => set({ version: id });

  /** The server's words on the 说明 field: a members' form of a subtree that breaks the staffing rules is sent only with an explanation (422 explanation_required). */
  const explanationError = ref('');

  async function act<T>(action: () => Promise<T>): Promise<T | null> {
    refusal.value = null;
    explanationError.value = '';
    try {
      return await action();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'explanation_required') {
        explanationError.value = error.messageIn(currentLanguage());
        return null;
      }
      refusal.value = refusalOf(error);
      if (refusal.value) await load();
      return null;
    }
  }

  /** Saves what she will submit; the page then says draft. A field error stays in the dialog. */
  const saveDraft = async (text: string | undefined, explanation: string) => {
    explanationError.value = '';
    try {
      await campaignsApi.saveDraft(milestoneId, { organisation_id: organisationId, text, explanation: explanation.trim() || undefined });
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.field === 'explanation') explanationError.value = error.messageIn(currentLanguage());
      return false;
    }
  };
  const submit = (text: string | undefined, explanation: string) =>
    act(() => campaignsApi.submit(milestoneId, { organisation_id: organisationId, text, explanation: explanation.trim() || undefined }));

  const latestAwaiting = computed(() => awaitingDecision(progress.value?.versions ?? []));
  const canSubmitNow = computed(() => !!progress.value && progress.value.milestone.kind !== 'deadline' && maySubmit(progress.value.state));

  void load();

  return { progress, campaign, loading, refusal, explanationError, viewed, viewedLayout, viewLoading, state, liveForm, load, open, act, submit, saveDraft, latestAwaiting, canSubmitNow };
}
