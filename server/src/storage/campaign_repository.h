#pragma once
// Campaigns, milestones, submissions and reminders as stored (migration 0013). Reads take any
// transaction (CampaignQueries); writes need a WriteTx (CampaignRepository).
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/campaign/campaign.h"
#include "domain/date.h"
#include "domain/organisation.h"
#include "storage/database.h"

namespace jinguo::storage {

struct CampaignRow {
  domain::campaign::Campaign campaign;
  std::string organisation_name, organisation_path;
};

struct SubmissionRow {
  domain::campaign::SubmissionId id = 0;
  domain::campaign::MilestoneId milestone_id = 0;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name, organisation_path;
  int version = 0;
  domain::campaign::SubmissionState state = domain::campaign::SubmissionState::kSubmitted;
  std::string snapshot, sha256;
  std::optional<std::string> explanation;
  int days_late = 0;
  std::string submitted_at, submitted_by;  // ISO 8601 UTC; username
  std::optional<std::string> decided_at, decided_by, decision_reason;
  int attachment_count = 0;
};

// A report being prepared: what the body will submit.
struct DraftRow {
  domain::campaign::MilestoneId milestone_id = 0;
  domain::OrganisationId organisation_id = 0;
  std::optional<std::string> explanation, text;
  std::string saved_at, saved_by;
};

// A file of a submission version, without its bytes (read apart: attachment_content).
struct AttachmentRow {
  std::int64_t id = 0;
  domain::campaign::SubmissionId submission_id = 0;
  std::string file_name, content_type;
  std::int64_t size = 0;
  std::string sha256, uploaded_at, uploaded_by;
};

struct ReminderRow {
  std::int64_t id = 0;
  domain::campaign::MilestoneId milestone_id = 0;
  domain::OrganisationId organisation_id = 0;
  std::optional<std::string> note;
  std::string sent_at, sent_by;
};

// A body that owes milestones of a level, as it stands today.
struct OwingBody {
  domain::OrganisationId id = 0;
  std::string name, path;
  domain::BodyType type = domain::BodyType::kCity;
  bool pilot = false;
};

class CampaignQueries {
 public:
  explicit CampaignQueries(const ReadTx& tx) : tx_(tx) {}

  // Campaigns run by a body above or at `path` (the caller's own chain) or inside the scope.
  std::vector<CampaignRow> visible_from(const domain::Scope& scope) const;
  std::optional<CampaignRow> campaign(domain::campaign::CampaignId id) const;
  std::vector<domain::campaign::Milestone> milestones(domain::campaign::CampaignId campaign) const;
  std::optional<domain::campaign::Milestone> milestone(domain::campaign::MilestoneId id) const;
  // The open bodies under `path` (itself excluded) of the level's types, or the campaign's
  // pilots, in tree order; `pilot` says whether each is one of the campaign's pilots.
  std::vector<OwingBody> owing(domain::campaign::CampaignId campaign, const std::string& path,
                               domain::campaign::Level level) const;
  bool is_pilot(domain::campaign::CampaignId campaign, domain::OrganisationId body) const;
  std::optional<DraftRow> draft(domain::campaign::MilestoneId milestone, domain::OrganisationId body) const;
  std::vector<domain::OrganisationId> drafted(domain::campaign::MilestoneId milestone) const;  // bodies with a draft
  // Every version of a body's report for a milestone, the newest first (snapshots left empty).
  std::vector<SubmissionRow> versions(domain::campaign::MilestoneId milestone, domain::OrganisationId body) const;
  // The latest version of each body's report for a milestone (snapshots left empty).
  std::vector<SubmissionRow> latest(domain::campaign::MilestoneId milestone) const;
  // One submission with its snapshot.
  std::optional<SubmissionRow> submission(domain::campaign::SubmissionId id) const;
  std::vector<ReminderRow> reminders(domain::campaign::MilestoneId milestone,
                                     std::optional<domain::OrganisationId> body = std::nullopt) const;
  // The leadership group: the leader, the deputies, the members, each by sort order.
  std::vector<domain::campaign::GroupMember> group(domain::campaign::CampaignId campaign) const;
  std::vector<AttachmentRow> attachments(domain::campaign::SubmissionId submission) const;  // oldest first
  std::optional<AttachmentRow> attachment(std::int64_t id) const;
  std::string attachment_content(std::int64_t id) const;  // base64, as stored

 protected:
  const ReadTx& tx_;
};

class CampaignRepository : public CampaignQueries {
 public:
  explicit CampaignRepository(const WriteTx& tx) : CampaignQueries(tx) {}
  domain::campaign::CampaignId insert(const domain::campaign::Campaign& c, const std::string& now) const;
  void update(const domain::campaign::Campaign& c, const std::string& now) const;
  // A new campaign's pilots: the bodies under its runner the registry marks `pilot`.
  void seed_pilots(domain::campaign::CampaignId campaign, const std::string& runner_path, const std::string& now,
                   const std::string& by) const;
  void mark_pilot(domain::campaign::CampaignId campaign, domain::OrganisationId body, const std::string& now,
                  const std::string& by) const;
  void unmark_pilot(domain::campaign::CampaignId campaign, domain::OrganisationId body) const;
  void save(const DraftRow& d) const;  // the body's draft for the milestone replaced
  void drop_draft(domain::campaign::MilestoneId milestone, domain::OrganisationId body) const;
  std::int64_t insert(const domain::campaign::GroupMember& m) const;
  void remove_member(std::int64_t id) const;
  std::int64_t insert(const AttachmentRow& a, const std::string& base64_content) const;
  void remove_attachment(std::int64_t id) const;
  domain::campaign::MilestoneId insert(const domain::campaign::Milestone& m, const std::string& now) const;
  void update(const domain::campaign::Milestone& m, const std::string& now) const;
  domain::campaign::SubmissionId insert(const SubmissionRow& s) const;
  void decide(domain::campaign::SubmissionId id, domain::campaign::SubmissionState state, const std::string& at,
              const std::string& by, const std::optional<std::string>& reason) const;
  std::int64_t insert(const ReminderRow& r) const;
};

}  // namespace jinguo::storage
