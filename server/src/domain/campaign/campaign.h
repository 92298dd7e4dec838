#pragma once
// The campaign and its reporting chain (issue 12): milestones as data, and the life of a
// body's report for a milestone — submitted (frozen), returned by the level above with a
// reason (a corrected version may follow), or accepted (final). Pure rules, no storage.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/access/access.h"
#include "domain/date.h"
#include "domain/organisation.h"

namespace jinguo::domain::campaign {

using CampaignId = std::int64_t;
using MilestoneId = std::int64_t;
using SubmissionId = std::int64_t;

enum class MilestoneKind { kForm, kAccount, kDeadline };
// Which bodies owe a milestone.
enum class Level { kDistrict, kTownship, kPilot };

std::string_view kind_code(MilestoneKind k);  // "form", "account", "deadline"
std::optional<MilestoneKind> kind_from_code(std::string_view code);
std::string_view level_code(Level l);  // "district", "township", "pilot"
std::optional<Level> level_from_code(std::string_view code);
std::string_view level_label(Level l);  // 区县（市）妇联, 街道、乡镇妇联, 示范点

// Whether an account sees a campaign run by the body at `runner_path`: one of her own chain
// (her body or one above it) or one inside her scope.
inline bool sees_campaign(const Scope& scope, std::string_view runner_path) {
  return scope.path.starts_with(runner_path) || scope.contains(runner_path);
}

// A pilot site (示范点) is a street or township federation, or a community's or village's body
// (a street with its community, a township with its village): 422 not_pilot_level otherwise.
void require_pilot_level(BodyType type);

// Whether a body of this type (a pilot or not) owes a milestone addressed to `level`.
bool owes(Level level, BodyType type, bool pilot);

struct Campaign {
  CampaignId id = 0;
  OrganisationId organisation_id = 0;  // the federation that runs it
  std::string name;
  std::optional<std::string> document_number, document_text;
  std::optional<Date> document_date;
  Date baseline_on;
  std::optional<std::string> office;  // where the leadership group's office sits, who runs it
};

// The campaign's leadership group (领导小组): one 组长, 副组长, 成员, each with her post.
enum class GroupRole { kLeader, kDeputy, kMember };
std::string_view group_role_code(GroupRole r);   // leader, deputy, member
std::optional<GroupRole> group_role_from_code(std::string_view code);
std::string_view group_role_label(GroupRole r);  // 组长, 副组长, 成员
std::string_view group_role_label_en(GroupRole r);

struct GroupMember {
  std::int64_t id = 0;
  CampaignId campaign_id = 0;
  std::string name;
  GroupRole role = GroupRole::kMember;
  std::optional<std::string> post;  // 职务, e.g. 市妇联主席
  int sort_order = 0;
};

// Throws DomainError naming the field: a name (1–50 characters), a post of at most 100; a
// second leader when the group has one (409 leader_exists).
void validate_group_member(const GroupMember& m, bool group_has_leader);

struct Milestone {
  MilestoneId id = 0;
  CampaignId campaign_id = 0;
  std::string title;
  MilestoneKind kind = MilestoneKind::kForm;
  std::optional<int> form;  // 1..5 when kind is form
  Level level = Level::kDistrict;
  Date due_on;
  std::optional<Date> report_on;  // the form's report date; default due_on
  int sort_order = 0;
  Date report_day() const { return report_on.value_or(due_on); }
};

// Throws DomainError naming the field: a title (1–100 characters), a form 1..5 exactly when
// the kind is form, a report date not after the due date.
void validate_milestone(const Milestone& m);
void validate_campaign(const Campaign& c);

enum class SubmissionState { kSubmitted, kReturned, kAccepted };
std::string_view state_code(SubmissionState s);  // "submitted", "returned", "accepted"
std::optional<SubmissionState> state_from_code(std::string_view code);

// A body may submit when it has not yet, or when its latest version was returned.
// Throws DomainError (409 already_submitted / already_accepted) otherwise.
void require_may_submit(std::optional<SubmissionState> latest);
// Only a submitted version can be accepted or returned (409 not_awaiting_decision).
void require_may_decide(SubmissionState current);
// A return says why (1–500 characters; 422 on field `reason`); returns it trimmed.
std::string return_reason(std::string_view reason);

// A report of a subtree where bodies break the staffing rules says why (the explanation the
// level above reads beside the numbers): 422 explanation_required naming how many and the first.
void require_explanation(std::size_t failing, const std::string& first_failing,
                         const std::optional<std::string>& explanation);

// Days after the due date (0 when on time).
int days_late(const Date& submitted_on, const Date& due_on);

// Where a body stands on a milestone on `today`, for the dashboard and the home page.
enum class Standing { kNotStarted, kDraft, kSubmitted, kReturned, kAccepted };
struct Status {
  Standing standing = Standing::kNotStarted;
  int overdue_days = 0;  // not submitted (or returned and not resubmitted) after the due date
};
// `drafted`: the body has saved a draft (a draft shows only before the first version).
Status status_of(std::optional<SubmissionState> latest, const Date& due_on, const Date& today, bool drafted = false);
std::string_view standing_code(Standing s);  // not_started, draft, submitted, returned, accepted

}  // namespace jinguo::domain::campaign
