#include "domain/campaign/campaign.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain::campaign {

std::string_view kind_code(MilestoneKind k) {
  switch (k) {
    case MilestoneKind::kForm: return "form";
    case MilestoneKind::kAccount: return "account";
    case MilestoneKind::kDeadline: return "deadline";
  }
  return "form";
}

std::optional<MilestoneKind> kind_from_code(std::string_view code) {
  for (auto k : {MilestoneKind::kForm, MilestoneKind::kAccount, MilestoneKind::kDeadline})
    if (kind_code(k) == code) return k;
  return std::nullopt;
}

std::string_view level_code(Level l) {
  switch (l) {
    case Level::kDistrict: return "district";
    case Level::kTownship: return "township";
    case Level::kPilot: return "pilot";
  }
  return "district";
}

std::optional<Level> level_from_code(std::string_view code) {
  for (auto l : {Level::kDistrict, Level::kTownship, Level::kPilot})
    if (level_code(l) == code) return l;
  return std::nullopt;
}

std::string_view level_label(Level l) {
  switch (l) {
    case Level::kDistrict: return "区县（市）妇联";
    case Level::kTownship: return "街道、乡镇妇联";
    case Level::kPilot: return "示范点";
  }
  return "";
}

void require_pilot_level(BodyType type) {
  const int level = body_type_level(type);
  if (level != 2 && level != 3)
    throw invalid("not_pilot_level", "organisation_id", "示范点应为街道、乡镇妇联或社区、村的妇联组织",
                  "a pilot is a street or township federation, or a community's or village's body");
}

bool owes(Level level, BodyType type, bool pilot) {
  switch (level) {
    case Level::kDistrict: return body_type_level(type) == 1;
    case Level::kTownship: return body_type_level(type) == 2;
    case Level::kPilot: return pilot;
  }
  return false;
}

void validate_milestone(const Milestone& m) {
  auto n = utf8_length(m.title);
  if (!n || trim(m.title).empty()) throw invalid("required", "title", "请填写事项名称", "title is required");
  if (*n > 100) throw invalid("too_long", "title", "事项名称不能超过100个字", "title is longer than 100 characters");
  if ((m.kind == MilestoneKind::kForm) != m.form.has_value())
    throw invalid("form_required", "form", m.kind == MilestoneKind::kForm ? "请选择要上报的附表（1–5）" : "只有报表事项需要选择附表",
                  "a form milestone names a form 1..5, others none");
  if (m.form && (*m.form < 1 || *m.form > 5))
    throw invalid("invalid_form", "form", "附表编号应为1–5", "form must be 1..5");
  if (m.report_on && *m.report_on > m.due_on)
    throw invalid("report_after_due", "report_on", "统计日期不能晚于截止日期", "the report date is after the due date");
}

void validate_campaign(const Campaign& c) {
  auto n = utf8_length(c.name);
  if (!n || trim(c.name).empty()) throw invalid("required", "name", "请填写工作名称", "name is required");
  if (*n > 100) throw invalid("too_long", "name", "工作名称不能超过100个字", "name is longer than 100 characters");
  if (c.document_number && utf8_length(*c.document_number).value_or(999) > 50)
    throw invalid("too_long", "document_number", "文号不能超过50个字", "document number is too long");
  if (c.document_text && utf8_length(*c.document_text).value_or(99999) > 20000)
    throw invalid("too_long", "document_text", "文件内容不能超过20000字", "document text is too long");
  if (c.office && utf8_length(*c.office).value_or(999) > 200)
    throw invalid("too_long", "office", "办公室说明不能超过200字", "office is longer than 200 characters");
}

std::string_view group_role_code(GroupRole r) {
  switch (r) {
    case GroupRole::kLeader: return "leader";
    case GroupRole::kDeputy: return "deputy";
    case GroupRole::kMember: return "member";
  }
  return "member";
}

std::optional<GroupRole> group_role_from_code(std::string_view code) {
  for (auto r : {GroupRole::kLeader, GroupRole::kDeputy, GroupRole::kMember})
    if (group_role_code(r) == code) return r;
  return std::nullopt;
}

std::string_view group_role_label(GroupRole r) {
  switch (r) {
    case GroupRole::kLeader: return "组长";
    case GroupRole::kDeputy: return "副组长";
    case GroupRole::kMember: return "成员";
  }
  return "";
}

std::string_view group_role_label_en(GroupRole r) {
  switch (r) {
    case GroupRole::kLeader: return "Leader";
    case GroupRole::kDeputy: return "Deputy leader";
    case GroupRole::kMember: return "Member";
  }
  return "";
}

void validate_group_member(const GroupMember& m, bool group_has_leader) {
  auto n = utf8_length(m.name);
  if (!n || trim(m.name).empty()) throw invalid("required", "name", "请填写姓名", "name is required");
  if (*n > 50) throw invalid("too_long", "name", "姓名不能超过50个字", "name is longer than 50 characters");
  if (m.post && utf8_length(*m.post).value_or(999) > 100)
    throw invalid("too_long", "post", "职务不能超过100个字", "post is longer than 100 characters");
  if (m.role == GroupRole::kLeader && group_has_leader)
    throw DomainError(ErrorKind::kConflict, "leader_exists", "role", "领导小组已有组长，请先移除原组长",
                      "the group already has a leader");
}

std::string_view state_code(SubmissionState s) {
  switch (s) {
    case SubmissionState::kSubmitted: return "submitted";
    case SubmissionState::kReturned: return "returned";
    case SubmissionState::kAccepted: return "accepted";
  }
  return "submitted";
}

std::optional<SubmissionState> state_from_code(std::string_view code) {
  for (auto s : {SubmissionState::kSubmitted, SubmissionState::kReturned, SubmissionState::kAccepted})
    if (state_code(s) == code) return s;
  return std::nullopt;
}

void require_may_submit(std::optional<SubmissionState> latest) {
  if (!latest || *latest == SubmissionState::kReturned) return;
  if (*latest == SubmissionState::kSubmitted)
    throw DomainError(ErrorKind::kConflict, "already_submitted", "id", "已上报，正等待上级审核；如需更正，请联系上级退回",
                      "already submitted and awaiting the level above");
  throw DomainError(ErrorKind::kConflict, "already_accepted", "id", "上级已审核通过，不能再次上报",
                    "already accepted by the level above");
}

void require_may_decide(SubmissionState current) {
  if (current == SubmissionState::kSubmitted) return;
  throw DomainError(ErrorKind::kConflict, "not_awaiting_decision", "id",
                    current == SubmissionState::kAccepted ? "该报告已审核通过，不能再退回或通过"
                                                          : "该报告已退回，等待下级更正后重新上报",
                    "only a submitted report can be accepted or returned");
}

std::string return_reason(std::string_view reason) {
  std::string r(trim(reason));
  auto n = utf8_length(r);
  if (!n || r.empty()) throw invalid("required", "reason", "请填写退回理由，下级将据此更正", "a reason is required");
  if (*n > 500) throw invalid("too_long", "reason", "退回理由不能超过500个字", "the reason is longer than 500 characters");
  return r;
}

void require_explanation(std::size_t failing, const std::string& first_failing,
                         const std::optional<std::string>& explanation) {
  if (failing == 0 || (explanation && !trim(*explanation).empty())) return;
  throw invalid("explanation_required", "explanation",
                "辖区内有" + std::to_string(failing) + "个组织不符合配备标准（如" + first_failing +
                    "），请在说明中写明原因和配齐时间后再上报",
                std::to_string(failing) + " bodies break the staffing rules: explain before submitting");
}

int days_late(const Date& submitted_on, const Date& due_on) {
  return submitted_on > due_on ? static_cast<int>(submitted_on.days_since_epoch() - due_on.days_since_epoch()) : 0;
}

Status status_of(std::optional<SubmissionState> latest, const Date& due_on, const Date& today, bool drafted) {
  Status s;
  if (!latest && drafted) s.standing = Standing::kDraft;
  if (latest) {
    s.standing = *latest == SubmissionState::kSubmitted ? Standing::kSubmitted
                 : *latest == SubmissionState::kAccepted ? Standing::kAccepted
                                                          : Standing::kReturned;
  }
  if (s.standing != Standing::kSubmitted && s.standing != Standing::kAccepted && today > due_on)
    s.overdue_days = static_cast<int>(today.days_since_epoch() - due_on.days_since_epoch());
  return s;
}

std::string_view standing_code(Standing s) {
  switch (s) {
    case Standing::kNotStarted: return "not_started";
    case Standing::kDraft: return "draft";
    case Standing::kSubmitted: return "submitted";
    case Standing::kReturned: return "returned";
    case Standing::kAccepted: return "accepted";
  }
  return "not_started";
}

}  // namespace jinguo::domain::campaign
