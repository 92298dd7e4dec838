#include "storage/campaign_repository.h"

#include "storage/query.h"
#include "storage/repositories.h"

namespace jinguo::storage {

namespace {

using namespace domain::campaign;

constexpr const char* kCampaignColumns =
    "SELECT c.id, c.organisation_id, c.name, c.document_number, c.document_date, c.document_text, c.baseline_on, "
    "c.office, o.name, o.path FROM campaigns c JOIN organisations o ON o.id = c.organisation_id";
// Run by a body of the caller's chain (its path a prefix of hers) or inside her scope.
constexpr const char* kVisible =
    " WHERE substr($1, 1, length(o.path)) = o.path OR (o.path >= $2 AND o.path < $3) ORDER BY c.baseline_on DESC, c.id";
constexpr const char* kMilestoneColumns =
    "SELECT id, campaign_id, title, kind, form, level, due_on, report_on, sort_order FROM milestones";
// `pilot`: one of the campaign's pilots ($3).
constexpr const char* kOwingOfTypes =
    "SELECT o.id, o.name, o.path, o.type, CASE WHEN p.organisation_id IS NULL THEN 0 ELSE 1 END "
    "FROM organisations o LEFT JOIN campaign_pilots p ON p.organisation_id = o.id AND p.campaign_id = $3 "
    "WHERE o.path > $1 AND o.path < $2 AND o.closed_on IS NULL AND o.type IN ";
constexpr const char* kOwingPilots =
    "SELECT o.id, o.name, o.path, o.type, 1 FROM organisations o "
    "JOIN campaign_pilots p ON p.organisation_id = o.id AND p.campaign_id = $3 "
    "WHERE o.path > $1 AND o.path < $2 AND o.closed_on IS NULL ORDER BY o.path";
constexpr const char* kIsPilot = "SELECT 1 FROM campaign_pilots WHERE campaign_id = $1 AND organisation_id = $2";
constexpr const char* kSeedPilots =
    "INSERT INTO campaign_pilots (campaign_id, organisation_id, marked_at, marked_by) "
    "SELECT $1, id, $2, $3 FROM organisations WHERE path > $4 AND path < $5 AND pilot = 1 AND closed_on IS NULL";
constexpr const char* kSubmissionFrom =
    " FROM submissions s JOIN organisations o ON o.id = s.organisation_id";
constexpr const char* kVersionsWhere = " WHERE s.milestone_id = $1 AND s.organisation_id = $2 ORDER BY s.version DESC";
constexpr const char* kLatestWhere =
    " WHERE s.milestone_id = $1 AND s.version = (SELECT MAX(x.version) FROM submissions x "
    "WHERE x.milestone_id = s.milestone_id AND x.organisation_id = s.organisation_id) ORDER BY o.path";
constexpr const char* kInsertCampaign =
    "INSERT INTO campaigns (organisation_id, name, document_number, document_date, document_text, baseline_on, "
    "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr const char* kInsertMilestone =
    "INSERT INTO milestones (campaign_id, title, kind, form, level, due_on, report_on, sort_order, created_at, "
    "updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr const char* kUpdateMilestone =
    "UPDATE milestones SET title = $1, kind = $2, form = $3, level = $4, due_on = $5, report_on = $6, "
    "sort_order = $7, updated_at = $8 WHERE id = $9";
constexpr const char* kInsertSubmission =
    "INSERT INTO submissions (milestone_id, organisation_id, version, state, snapshot, sha256, explanation, "
    "days_late, submitted_at, submitted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
constexpr const char* kDecide =
    "UPDATE submissions SET state = $1, decided_at = $2, decided_by = $3, decision_reason = $4 WHERE id = $5";
constexpr const char* kUpdateCampaign =
    "UPDATE campaigns SET name = $1, document_number = $2, document_date = $3, document_text = $4, baseline_on = $5, "
    "office = $6, updated_at = $7 WHERE id = $8";
constexpr const char* kGroup =
    "SELECT id, campaign_id, name, role, post, sort_order FROM campaign_group_members WHERE campaign_id = $1 "
    "ORDER BY CASE role WHEN 'leader' THEN 0 WHEN 'deputy' THEN 1 ELSE 2 END, sort_order, id";
constexpr const char* kInsertMember =
    "INSERT INTO campaign_group_members (campaign_id, name, role, post, sort_order) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";
constexpr const char* kDeleteMember = "DELETE FROM campaign_group_members WHERE id = $1";
constexpr const char* kAttachmentCount =
    "(SELECT COUNT(*) FROM submission_attachments a WHERE a.submission_id = s.id)";
constexpr const char* kAttachmentColumns =
    "SELECT id, submission_id, file_name, content_type, size_bytes, sha256, {uploaded_at}, uploaded_by "
    "FROM submission_attachments";
constexpr const char* kInsertAttachment =
    "INSERT INTO submission_attachments (submission_id, file_name, content_type, size_bytes, sha256, content, "
    "uploaded_at, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
constexpr const char* kReminderColumns =
    "SELECT id, milestone_id, organisation_id, note, {sent_at}, sent_by FROM reminders WHERE milestone_id = $1";
constexpr const char* kInsertReminder =
    "INSERT INTO reminders (milestone_id, organisation_id, note, sent_at, sent_by) VALUES ($1, $2, $3, $4, $5) "
    "RETURNING id";

CampaignRow read_campaign(const Statement& row) {
  CampaignRow r;
  r.campaign.id = row.integer(0);
  r.campaign.organisation_id = row.integer(1);
  r.campaign.name = row.string(2);
  r.campaign.document_number = row.nullable_text(3);
  r.campaign.document_date = row.nullable_date(4);
  r.campaign.document_text = row.nullable_text(5);
  r.campaign.baseline_on = row.date(6);
  r.campaign.office = row.nullable_text(7);
  r.organisation_name = row.string(8);
  r.organisation_path = row.string(9);
  return r;
}

Milestone read_milestone(const Statement& row) {
  Milestone m;
  m.id = row.integer(0);
  m.campaign_id = row.integer(1);
  m.title = row.string(2);
  m.kind = kind_from_code(row.text(3)).value_or(MilestoneKind::kDeadline);
  if (auto f = row.nullable_integer(4)) m.form = static_cast<int>(*f);
  m.level = level_from_code(row.text(5)).value_or(Level::kDistrict);
  m.due_on = row.date(6);
  m.report_on = row.nullable_date(7);
  m.sort_order = static_cast<int>(row.integer(8));
  return m;
}

// Lists leave the snapshot out (empty): only one submission read by id carries it.
std::string submission_sql(const ReadTx& tx, const char* where, bool with_snapshot = false) {
  return std::string("SELECT s.id, s.milestone_id, s.organisation_id, o.name, o.path, s.version, s.state, ") +
         (with_snapshot ? "s.snapshot" : "''") + ", s.sha256, "
         "s.explanation, s.days_late, " +
         iso_timestamp_sql(tx, "s.submitted_at") + ", s.submitted_by, " + iso_timestamp_sql(tx, "s.decided_at") +
         ", s.decided_by, s.decision_reason, " + kAttachmentCount + kSubmissionFrom + where;
}

SubmissionRow read_submission(const Statement& row) {
  SubmissionRow s;
  s.id = row.integer(0);
  s.milestone_id = row.integer(1);
  s.organisation_id = row.integer(2);
  s.organisation_name = row.string(3);
  s.organisation_path = row.string(4);
  s.version = static_cast<int>(row.integer(5));
  s.state = state_from_code(row.text(6)).value_or(SubmissionState::kSubmitted);
  s.snapshot = row.string(7);
  s.sha256 = row.string(8);
  s.explanation = row.nullable_text(9);
  s.days_late = static_cast<int>(row.integer(10));
  s.submitted_at = row.string(11);
  s.submitted_by = row.string(12);
  s.decided_at = row.nullable_text(13);
  s.decided_by = row.nullable_text(14);
  s.decision_reason = row.nullable_text(15);
  s.attachment_count = static_cast<int>(row.integer(16));
  return s;
}

std::vector<SubmissionRow> all_submissions(Statement& st) {
  std::vector<SubmissionRow> out;
  while (st.step()) out.push_back(read_submission(st));
  return out;
}

std::string attachment_sql(const ReadTx& tx, const char* where) {
  std::string sql = kAttachmentColumns;
  sql.replace(sql.find("{uploaded_at}"), 13, iso_timestamp_sql(tx, "uploaded_at"));
  return sql + where;
}

AttachmentRow read_attachment(const Statement& row) {
  return {row.integer(0), row.integer(1), row.string(2), row.string(3), row.integer(4), row.string(5), row.string(6),
          row.string(7)};
}

std::optional<std::int64_t> optional_form(const Milestone& m) {
  return m.form ? std::optional<std::int64_t>(*m.form) : std::nullopt;
}

}  // namespace

std::vector<CampaignRow> CampaignQueries::visible_from(const domain::Scope& scope) const {
  Statement st = tx_.prepare(std::string(kCampaignColumns) + kVisible);
  st.bind(scope.path).bind(scope.low()).bind(scope.high());
  std::vector<CampaignRow> out;
  while (st.step()) out.push_back(read_campaign(st));
  return out;
}

std::optional<CampaignRow> CampaignQueries::campaign(CampaignId id) const {
  Statement st = tx_.prepare(std::string(kCampaignColumns) + " WHERE c.id = $1");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_campaign(st);
}

std::vector<Milestone> CampaignQueries::milestones(CampaignId campaign) const {
  Statement st = tx_.prepare(std::string(kMilestoneColumns) + " WHERE campaign_id = $1 ORDER BY due_on, sort_order, id");
  st.bind(campaign);
  std::vector<Milestone> out;
  while (st.step()) out.push_back(read_milestone(st));
  return out;
}

std::optional<Milestone> CampaignQueries::milestone(MilestoneId id) const {
  Statement st = tx_.prepare(std::string(kMilestoneColumns) + " WHERE id = $1");
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_milestone(st);
}

std::vector<OwingBody> CampaignQueries::owing(CampaignId campaign, const std::string& path, Level level) const {
  std::string sql = level == Level::kPilot ? std::string(kOwingPilots)
                    : std::string(kOwingOfTypes) + (level == Level::kDistrict ? "('district','county','county_city')"
                                                                              : "('street','township')") +
                          " ORDER BY o.path";
  Statement st = tx_.prepare(sql);
  st.bind(path).bind(path + "~").bind(campaign);
  std::vector<OwingBody> out;
  while (st.step())
    out.push_back({st.integer(0), st.string(1), st.string(2),
                   domain::body_type_from_code(st.text(3)).value_or(domain::BodyType::kCity), st.boolean(4)});
  return out;
}

bool CampaignQueries::is_pilot(CampaignId campaign, domain::OrganisationId body) const {
  Statement st = tx_.prepare(kIsPilot);
  st.bind(campaign).bind(body);
  return st.step();
}

std::optional<DraftRow> CampaignQueries::draft(MilestoneId milestone, domain::OrganisationId body) const {
  Statement st = tx_.prepare("SELECT explanation, text, " + iso_timestamp_sql(tx_, "saved_at") +
                             ", saved_by FROM submission_drafts WHERE milestone_id = $1 AND organisation_id = $2");
  st.bind(milestone).bind(body);
  if (!st.step()) return std::nullopt;
  return DraftRow{milestone, body, st.nullable_text(0), st.nullable_text(1), st.string(2), st.string(3)};
}

std::vector<domain::OrganisationId> CampaignQueries::drafted(MilestoneId milestone) const {
  Statement st = tx_.prepare("SELECT organisation_id FROM submission_drafts WHERE milestone_id = $1");
  st.bind(milestone);
  std::vector<domain::OrganisationId> out;
  while (st.step()) out.push_back(st.integer(0));
  return out;
}

std::vector<SubmissionRow> CampaignQueries::versions(MilestoneId milestone, domain::OrganisationId body) const {
  Statement st = tx_.prepare(submission_sql(tx_, kVersionsWhere));
  st.bind(milestone).bind(body);
  return all_submissions(st);
}

std::vector<SubmissionRow> CampaignQueries::latest(MilestoneId milestone) const {
  Statement st = tx_.prepare(submission_sql(tx_, kLatestWhere));
  st.bind(milestone);
  return all_submissions(st);
}

std::optional<SubmissionRow> CampaignQueries::submission(SubmissionId id) const {
  Statement st = tx_.prepare(submission_sql(tx_, " WHERE s.id = $1", true));
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_submission(st);
}

std::vector<ReminderRow> CampaignQueries::reminders(MilestoneId milestone,
                                                    std::optional<domain::OrganisationId> body) const {
  std::string sql = kReminderColumns;
  sql.replace(sql.find("{sent_at}"), 9, iso_timestamp_sql(tx_, "sent_at"));
  sql += body ? " AND organisation_id = $2 ORDER BY sent_at DESC, id DESC" : " ORDER BY sent_at DESC, id DESC";
  Statement st = tx_.prepare(sql);
  st.bind(milestone);
  if (body) st.bind(*body);
  std::vector<ReminderRow> out;
  while (st.step())
    out.push_back({st.integer(0), st.integer(1), st.integer(2), st.nullable_text(3), st.string(4), st.string(5)});
  return out;
}

std::vector<GroupMember> CampaignQueries::group(CampaignId campaign) const {
  Statement st = tx_.prepare(kGroup);
  st.bind(campaign);
  std::vector<GroupMember> out;
  while (st.step())
    out.push_back({st.integer(0), st.integer(1), st.string(2),
                   group_role_from_code(st.text(3)).value_or(GroupRole::kMember), st.nullable_text(4),
                   static_cast<int>(st.integer(5))});
  return out;
}

std::vector<AttachmentRow> CampaignQueries::attachments(SubmissionId submission) const {
  Statement st = tx_.prepare(attachment_sql(tx_, " WHERE submission_id = $1 ORDER BY id"));
  st.bind(submission);
  std::vector<AttachmentRow> out;
  while (st.step()) out.push_back(read_attachment(st));
  return out;
}

std::optional<AttachmentRow> CampaignQueries::attachment(std::int64_t id) const {
  Statement st = tx_.prepare(attachment_sql(tx_, " WHERE id = $1"));
  st.bind(id);
  if (!st.step()) return std::nullopt;
  return read_attachment(st);
}

std::string CampaignQueries::attachment_content(std::int64_t id) const {
  Statement st = tx_.prepare("SELECT content FROM submission_attachments WHERE id = $1");
  st.bind(id);
  return st.step() ? st.string(0) : std::string();
}

CampaignId CampaignRepository::insert(const Campaign& c, const std::string& now) const {
  Statement st = tx_.prepare(kInsertCampaign);
  st.bind(c.organisation_id).bind(c.name).bind(c.document_number).bind(c.document_date).bind(c.document_text)
      .bind(c.baseline_on).bind(now).bind(now);
  st.step();
  return st.integer(0);
}

void CampaignRepository::seed_pilots(CampaignId campaign, const std::string& runner_path, const std::string& now,
                                     const std::string& by) const {
  Statement st = tx_.prepare(kSeedPilots);
  st.bind(campaign).bind(now).bind(by).bind(runner_path).bind(runner_path + "~");
  st.run();
}

void CampaignRepository::mark_pilot(CampaignId campaign, domain::OrganisationId body, const std::string& now,
                                    const std::string& by) const {
  Statement st = tx_.prepare(
      "INSERT INTO campaign_pilots (campaign_id, organisation_id, marked_at, marked_by) VALUES ($1, $2, $3, $4)");
  st.bind(campaign).bind(body).bind(now).bind(by);
  st.run();
}

void CampaignRepository::unmark_pilot(CampaignId campaign, domain::OrganisationId body) const {
  Statement st = tx_.prepare("DELETE FROM campaign_pilots WHERE campaign_id = $1 AND organisation_id = $2");
  st.bind(campaign).bind(body);
  st.run();
}

void CampaignRepository::save(const DraftRow& d) const {
  drop_draft(d.milestone_id, d.organisation_id);
  Statement st = tx_.prepare(
      "INSERT INTO submission_drafts (milestone_id, organisation_id, explanation, text, saved_at, saved_by) "
      "VALUES ($1, $2, $3, $4, $5, $6)");
  st.bind(d.milestone_id).bind(d.organisation_id).bind(d.explanation).bind(d.text).bind(d.saved_at).bind(d.saved_by);
  st.run();
}

void CampaignRepository::drop_draft(MilestoneId milestone, domain::OrganisationId body) const {
  Statement st = tx_.prepare("DELETE FROM submission_drafts WHERE milestone_id = $1 AND organisation_id = $2");
  st.bind(milestone).bind(body);
  st.run();
}

void CampaignRepository::update(const Campaign& c, const std::string& now) const {
  Statement st = tx_.prepare(kUpdateCampaign);
  st.bind(c.name).bind(c.document_number).bind(c.document_date).bind(c.document_text).bind(c.baseline_on)
      .bind(c.office).bind(now).bind(c.id);
  st.run();
}

std::int64_t CampaignRepository::insert(const GroupMember& m) const {
  Statement st = tx_.prepare(kInsertMember);
  st.bind(m.campaign_id).bind(m.name).bind(std::string(group_role_code(m.role))).bind(m.post).bind(m.sort_order);
  st.step();
  return st.integer(0);
}

void CampaignRepository::remove_member(std::int64_t id) const {
  Statement st = tx_.prepare(kDeleteMember);
  st.bind(id);
  st.run();
}

std::int64_t CampaignRepository::insert(const AttachmentRow& a, const std::string& content) const {
  Statement st = tx_.prepare(kInsertAttachment);
  st.bind(a.submission_id).bind(a.file_name).bind(a.content_type).bind(a.size).bind(a.sha256).bind(content)
      .bind(a.uploaded_at).bind(a.uploaded_by);
  st.step();
  return st.integer(0);
}

void CampaignRepository::remove_attachment(std::int64_t id) const {
  Statement st = tx_.prepare("DELETE FROM submission_attachments WHERE id = $1");
  st.bind(id);
  st.run();
}

MilestoneId CampaignRepository::insert(const Milestone& m, const std::string& now) const {
  Statement st = tx_.prepare(kInsertMilestone);
  st.bind(m.campaign_id).bind(m.title).bind(std::string(kind_code(m.kind))).bind(optional_form(m))
      .bind(std::string(level_code(m.level))).bind(m.due_on).bind(m.report_on).bind(m.sort_order).bind(now).bind(now);
  st.step();
  return st.integer(0);
}

void CampaignRepository::update(const Milestone& m, const std::string& now) const {
  Statement st = tx_.prepare(kUpdateMilestone);
  st.bind(m.title).bind(std::string(kind_code(m.kind))).bind(optional_form(m)).bind(std::string(level_code(m.level)))
      .bind(m.due_on).bind(m.report_on).bind(m.sort_order).bind(now).bind(m.id);
  st.run();
}

SubmissionId CampaignRepository::insert(const SubmissionRow& s) const {
  Statement st = tx_.prepare(kInsertSubmission);
  st.bind(s.milestone_id).bind(s.organisation_id).bind(s.version).bind(std::string(state_code(s.state)))
      .bind(s.snapshot).bind(s.sha256).bind(s.explanation).bind(s.days_late).bind(s.submitted_at).bind(s.submitted_by);
  st.step();
  return st.integer(0);
}

void CampaignRepository::decide(SubmissionId id, SubmissionState state, const std::string& at, const std::string& by,
                                const std::optional<std::string>& reason) const {
  Statement st = tx_.prepare(kDecide);
  st.bind(std::string(state_code(state))).bind(at).bind(by).bind(reason).bind(id);
  st.run();
}

std::int64_t CampaignRepository::insert(const ReminderRow& r) const {
  Statement st = tx_.prepare(kInsertReminder);
  st.bind(r.milestone_id).bind(r.organisation_id).bind(r.note).bind(r.sent_at).bind(r.sent_by);
  st.step();
  return st.integer(0);
}

}  // namespace jinguo::storage
