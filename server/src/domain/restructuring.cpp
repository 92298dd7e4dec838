#include "domain/restructuring.h"

#include "domain/error.h"

namespace jinguo::domain {

Date first_version_start() {
  static const Date start = *Date::parse(kFirstVersionStart);
  return start;
}

void require_conversion(BodyType from, BodyType to) {
  if (from == BodyType::kVillageCongress && to == BodyType::kVillage) return;
  if (from == BodyType::kVillage && to == BodyType::kCommunity) return;
  std::string zh = std::string(body_type_label(from)) + "不能改为" + std::string(body_type_label(to));
  if (from == BodyType::kVillageCongress) zh += "（村妇代会可改建为村妇联）";
  else if (from == BodyType::kVillage) zh += "（村妇联可随村改居改为社区妇联）";
  else zh += "（只有村妇代会和村妇联可以改建）";
  throw invalid("conversion_not_allowed", "type", zh,
                std::string(body_type_code(from)) + " cannot become " + std::string(body_type_code(to)));
}

std::string role_in(std::string_view role, BodyType to) {
  if (to == BodyType::kVillageCongress) {
    if (role == "chair") return "director";
    if (role == "vice_chair") return "deputy_director";
    if (role == "executive") return "member";
    return std::string(role);
  }
  if (role == "director") return "chair";
  if (role == "deputy_director") return "vice_chair";
  if (role == "member") return "executive";
  return std::string(role);
}

namespace {

// Streets and townships (2), grassroots bodies (3), district-level (1): the groups that merge.
int merge_group(BodyType t) { return body_type_level(t); }

}  // namespace

void require_merge(BodyType from, BodyType into) {
  int level = merge_group(from);
  if (level > 0 && level == merge_group(into)) return;
  throw invalid("merge_not_allowed", "into_id",
                std::string(body_type_label(from)) + "不能并入" + std::string(body_type_label(into)) +
                    "（只能并入同一层级的组织）",
                std::string(body_type_code(from)) + " cannot merge into " + std::string(body_type_code(into)));
}

void require_change_day(const Date& on, const Date& today, const Date& latest_change,
                        const std::optional<Date>& established_on, const std::optional<Date>& closed_on) {
  if (on > today)
    throw invalid("restructure_in_future", "on", "变更日期不能晚于今天（" + today.iso() + "）",
                  "the day of the change is after today");
  if (on < latest_change)
    throw invalid("restructure_before_change", "on",
                  "该组织在" + latest_change.iso() + "已有变更，变更日期不能早于该日期",
                  "the body changed on " + latest_change.iso() + "; a later change cannot start before it");
  if (established_on && on < *established_on)
    throw invalid("restructure_before_established", "on",
                  "变更日期不能早于成立日期（" + established_on->iso() + "）",
                  "the day of the change is before the body was established");
  if (closed_on && on >= *closed_on)
    throw invalid("organisation_closed", "on", "该组织已于" + closed_on->iso() + "撤销",
                  "the body was closed on " + closed_on->iso());
}

}  // namespace jinguo::domain
