#include "domain/selection/notice.h"

#include <algorithm>

#include "domain/error.h"
#include "domain/person.h"
#include "domain/text.h"

namespace jinguo::domain::selection {

namespace {

constexpr std::size_t kMaxTitle = 60;
constexpr std::size_t kMaxLong = 2000;
constexpr std::size_t kMaxContact = 100;
constexpr std::size_t kMaxPlaces = 20;
constexpr std::int64_t kMaxPlacesPerRole = 100;

// A required text: trimmed, 1..max code points, no control characters but line breaks.
std::string required_text(const std::optional<std::string>& text, std::string_view field, std::string_view name_zh,
                          std::size_t max) {
  std::string t(trim(text.value_or("")));
  if (t.empty())
    throw invalid("required", std::string(field), "请填写" + std::string(name_zh), std::string(field) + " is required");
  validate_free_text(field, t, max);
  return t;
}

}  // namespace

std::string_view coverage_code(Coverage c) { return c == Coverage::kVillages ? "villages" : "own"; }

std::optional<Coverage> coverage_from_code(std::string_view code) {
  if (code == "own") return Coverage::kOwn;
  if (code == "villages") return Coverage::kVillages;
  return std::nullopt;
}

std::string_view notice_state_code(NoticeState s) {
  switch (s) {
    case NoticeState::kDraft: return "draft";
    case NoticeState::kPublished: return "published";
    case NoticeState::kClosed: return "closed";
  }
  return "draft";
}

std::string_view notice_state_label(NoticeState s) {
  switch (s) {
    case NoticeState::kDraft: return "草稿";
    case NoticeState::kPublished: return "已发布";
    case NoticeState::kClosed: return "已截止";
  }
  return "草稿";
}

std::optional<NoticeState> notice_state_from_code(std::string_view code) {
  for (auto s : {NoticeState::kDraft, NoticeState::kPublished, NoticeState::kClosed})
    if (notice_state_code(s) == code) return s;
  return std::nullopt;
}

std::vector<BodyType> place_body_types(BodyType body, Coverage coverage) {
  if (coverage == Coverage::kOwn) return {body};
  if (body == BodyType::kTownship) return {BodyType::kVillage, BodyType::kVillageCongress, BodyType::kCommunity};
  if (body == BodyType::kStreet) return {BodyType::kCommunity, BodyType::kVillage, BodyType::kVillageCongress};
  return {};
}

NoticeFields notice_fields(BodyType type, const NoticeInput& input, const Date& today) {
  NoticeFields f;
  if (input.coverage && !trim(*input.coverage).empty()) {
    auto c = coverage_from_code(trim(*input.coverage));
    if (!c)
      throw invalid("unknown_coverage", "coverage", "招募范围应为本组织或所辖村（社区）", "coverage is own or villages");
    f.coverage = *c;
  }
  if (f.coverage == Coverage::kVillages && type != BodyType::kTownship && type != BodyType::kStreet)
    throw invalid("coverage_not_allowed", "coverage", "只有乡镇、街道妇联可以为所辖村（社区）统一发布公告",
                  "only a township or street recruits for its villages and communities");
  f.title = required_text(input.title, "title", "公告标题", kMaxTitle);
  f.duties = required_text(input.duties, "duties", "岗位职责", kMaxLong);
  f.conditions = required_text(input.conditions, "conditions", "聘任条件", kMaxLong);
  f.how_to_apply = required_text(input.how_to_apply, "how_to_apply", "报名方式", kMaxLong);
  if (input.contact) {
    std::string c(trim(*input.contact));
    if (!c.empty()) {
      validate_free_text("contact", c, kMaxContact);
      f.contact = c;
    }
  }
  if (!input.deadline) throw invalid("required", "deadline", "请填写报名截止日期", "deadline is required");
  if (*input.deadline < today)
    throw invalid("deadline_past", "deadline", "报名截止日期不能早于今天", "the deadline is before today");
  f.deadline = *input.deadline;
  if (input.places.empty())
    throw invalid("required", "places", "请至少填写一个职务的招募名额", "at least one place is required");
  if (input.places.size() > kMaxPlaces)
    throw invalid("too_many", "places", "一则公告最多列20个职务", "at most 20 roles in a notice");
  for (std::size_t i = 0; i < input.places.size(); ++i) {
    const std::string at = "places[" + std::to_string(i) + "].";
    const auto& p = input.places[i];
    std::string role(trim(p.role.value_or("")));
    if (role.empty()) throw invalid("required", at + "role", "请选择招募的职务", "role is required");
    if (std::any_of(f.places.begin(), f.places.end(), [&](const NoticePlace& q) { return q.role == role; }))
      throw invalid("duplicate", at + "role", "同一职务只能列一次", "a role is listed once");
    if (!p.places) throw invalid("required", at + "places", "请填写招募名额", "places is required");
    if (*p.places < 1 || *p.places > kMaxPlacesPerRole)
      throw invalid("out_of_range", at + "places", "招募名额应为1到100之间的整数", "places is 1..100");
    f.places.push_back({role, static_cast<int>(*p.places)});
  }
  return f;
}

void require_draft(const Notice& notice) {
  if (notice.state != NoticeState::kDraft)
    throw conflict("notice_published", "state", "公告已发布，不能再修改或删除；如需更正，请截止后重新发布一则",
                   "a published notice is not changed or deleted");
}

void check_publish(const Notice& notice, const Date& today) {
  require_draft(notice);
  if (notice.fields.deadline < today)
    throw invalid("deadline_past", "deadline", "报名截止日期已过，请先修改截止日期再发布",
                  "the deadline has passed: change it before publishing");
}

void check_close(const Notice& notice) {
  if (notice.state == NoticeState::kDraft)
    throw conflict("notice_not_published", "state", "公告尚未发布", "the notice is not published");
  if (notice.state == NoticeState::kClosed)
    throw conflict("notice_closed", "state", "公告已截止", "the notice is already closed");
}

bool is_open(const Notice& notice, const Date& today) {
  return notice.state == NoticeState::kPublished && !(notice.fields.deadline < today);
}

std::optional<std::string_view> closed_reason(const Notice& notice, const Date& today) {
  if (notice.state == NoticeState::kClosed) return "closed";
  if (notice.state == NoticeState::kPublished && notice.fields.deadline < today) return "deadline_passed";
  return std::nullopt;
}

bool is_notice_slug(std::string_view text) {
  return text.size() == kSlugLength && std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '2' && c <= '7');
         });
}

std::optional<std::string> normalise_receipt_code(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'O') c = '0';
    if (c == 'I' || c == 'L') c = '1';
    if (kCrockford.find(c) == std::string_view::npos) return std::nullopt;
    out.push_back(c);
    if (out.size() > kReceiptLength) return std::nullopt;
  }
  if (out.size() != kReceiptLength) return std::nullopt;
  return out;
}

std::string format_receipt_code(std::string_view code) {
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

}  // namespace jinguo::domain::selection
