#pragma once
// The campaign and its reporting chain (issue 12, first step; docs/api-contract.md, "Issue 12
// (first step)"): a federation runs a campaign with milestones (what is due, from which level,
// by which day); a body submits its report for a milestone (a form frozen as a snapshot with
// its SHA-256, or a written account); the level above accepts it or returns it with a reason
// (a corrected version may follow; every version is kept); the level above sees who is late
// and reminds them (催报). Every change is one transaction with one audit record.
#include <optional>
#include <string>
#include <vector>

#include "domain/campaign/campaign.h"
#include "services/actor.h"
#include "services/forms.h"
#include "services/registry.h"
#include "services/staffing.h"
#include "storage/campaign_repository.h"
#include "storage/database.h"

namespace jinguo::services {

struct CampaignDetail {
  storage::CampaignRow row;
  std::vector<domain::campaign::Milestone> milestones;
  std::vector<domain::campaign::GroupMember> group;  // the leadership group
};

// A change of a campaign's own fields (the given ones).
struct CampaignChange {
  std::optional<std::string> name;
  domain::Patch<std::string> document_number, document_text, office;
  domain::Patch<domain::Date> document_date;
  std::optional<domain::Date> baseline_on;
};

struct NewGroupMember {
  std::string name, role;
  std::optional<std::string> post;
  std::optional<int> sort_order;
};

struct NewCampaign {
  std::string name;
  std::optional<std::string> document_number, document_text;
  std::optional<domain::Date> document_date;
  domain::Date baseline_on;
  std::optional<domain::OrganisationId> organisation_id;  // default: the caller's organisation
};

// A milestone as the caller sends it (all fields for a new one; the given ones for a change).
struct MilestoneInput {
  std::optional<std::string> title, kind, level;
  domain::Patch<std::int64_t> form;
  std::optional<domain::Date> due_on;
  domain::Patch<domain::Date> report_on;
  std::optional<int> sort_order;
};

// One body's line on a milestone's dashboard.
struct DashboardLine {
  storage::OwingBody body;
  domain::campaign::Status status;
  std::optional<storage::SubmissionRow> latest;  // its snapshot left out
  int reminders = 0;
  std::optional<std::string> last_reminded_at;
};

// How a group of a dashboard's bodies (the pilots, the others) stands.
struct StandingCounts {
  int bodies = 0, not_started = 0, draft = 0, submitted = 0, returned = 0, accepted = 0, overdue = 0;
};

struct Dashboard {
  domain::campaign::Milestone milestone;
  std::string campaign_name;
  std::vector<DashboardLine> lines;
  StandingCounts pilots, others;
};

// A pilot body (示范点) and how it stands against the staffing rules on a day.
struct PilotLine {
  storage::OwingBody body;
  std::optional<domain::OrganisationId> district_id;
  std::string district_name;
  domain::staffing::ComplianceStatus status = domain::staffing::ComplianceStatus::kMeets;
  int total = 0;  // people holding a position
};

struct ComplianceShare {
  int bodies = 0, meets = 0, short_staffed = 0, over_staffed = 0;
};

struct Pilots {
  domain::Date on;
  std::vector<PilotLine> lines;
  ComplianceShare pilots, others;  // others: the other bodies of the pilots' levels
};

// A body's report for a milestone: where it stands, every version, the reminders it got.
struct Progress {
  domain::campaign::Milestone milestone;
  storage::OwingBody body;
  domain::campaign::Status status;
  std::vector<storage::SubmissionRow> versions;  // newest first
  std::vector<storage::ReminderRow> reminders;
  std::optional<storage::DraftRow> draft;  // what the body is preparing
};

// A cell whose live number is no longer the submitted one.
struct Drift {
  std::string row, column;
  std::optional<long long> submitted, live;
};

struct SubmissionDetail {
  storage::SubmissionRow row;
  domain::campaign::Milestone milestone;
  std::vector<Drift> drift;  // form milestones: the cells that changed since
  std::vector<storage::AttachmentRow> attachments;  // oldest first
};

// A deadline of the caller's own body, for her start page.
struct OwnDeadline {
  std::string campaign_name;
  domain::campaign::Milestone milestone;
  domain::campaign::Status status;
  std::optional<std::string> last_reminded_at;
};

class Campaigns {
 public:
  Campaigns(storage::Database& db, Forms& forms, Staffing& staffing, Clock today)
      : db_(db), forms_(forms), staffing_(staffing), today_(std::move(today)) {}

  std::vector<storage::CampaignRow> List(const Actor& actor);
  CampaignDetail Campaign(const Actor& actor, domain::campaign::CampaignId id);
  CampaignDetail CreateCampaign(const Actor& actor, const NewCampaign& input);
  CampaignDetail ChangeCampaign(const Actor& actor, domain::campaign::CampaignId id, const CampaignChange& change);
  domain::campaign::GroupMember AddGroupMember(const Actor& actor, domain::campaign::CampaignId id,
                                               const NewGroupMember& input);
  void RemoveGroupMember(const Actor& actor, domain::campaign::CampaignId id, std::int64_t member);
  // The pilots under the running federation in the caller's scope, beside the other bodies of
  // their types, on a day (default today).
  Pilots PilotsOf(const Actor& actor, domain::campaign::CampaignId id, std::optional<domain::Date> on);
  // Marks a body a pilot of this campaign, or no longer: the level above it (the district or the
  // city), under the running federation. Returns the pilots as PilotsOf on today.
  Pilots MarkPilot(const Actor& actor, domain::campaign::CampaignId id, domain::OrganisationId body);
  void UnmarkPilot(const Actor& actor, domain::campaign::CampaignId id, domain::OrganisationId body);
  domain::campaign::Milestone AddMilestone(const Actor& actor, domain::campaign::CampaignId campaign,
                                           const MilestoneInput& input);
  domain::campaign::Milestone ChangeMilestone(const Actor& actor, domain::campaign::MilestoneId id,
                                              const MilestoneInput& input);

  Dashboard DashboardOf(const Actor& actor, domain::campaign::MilestoneId id);
  Progress ProgressOf(const Actor& actor, domain::campaign::MilestoneId id, domain::OrganisationId body);
  // Freezes the body's report: the form computed now (or the account's text), its SHA-256. A form
  // of a subtree where bodies break the staffing rules on its report date needs an explanation.
  SubmissionDetail Submit(const Actor& actor, domain::campaign::MilestoneId id, domain::OrganisationId body,
                          const std::optional<std::string>& explanation, const std::optional<std::string>& text);
  // Saves what the body will submit (the explanation, the account's text), not yet submitted.
  storage::DraftRow SaveDraft(const Actor& actor, domain::campaign::MilestoneId id, domain::OrganisationId body,
                              const std::optional<std::string>& explanation, const std::optional<std::string>& text);
  SubmissionDetail Submission(const Actor& actor, domain::campaign::SubmissionId id);
  SubmissionDetail Accept(const Actor& actor, domain::campaign::SubmissionId id);
  SubmissionDetail Return(const Actor& actor, domain::campaign::SubmissionId id, const std::string& reason);
  storage::ReminderRow Remind(const Actor& actor, domain::campaign::MilestoneId id, domain::OrganisationId body,
                              const std::optional<std::string>& note);
  // The milestones the caller's own body owes in the campaigns she sees, the soonest first.
  std::vector<OwnDeadline> Deadlines(const Actor& actor);

 private:
  storage::Database& db_;
  Forms& forms_;
  Staffing& staffing_;
  Clock today_;
};

// The frozen form: a canonical JSON (keys sorted) of what the form showed.
std::string snapshot_of(const FormReport& report);

}  // namespace jinguo::services
