#include "domain/archive.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain {

namespace {

// A required text: trimmed, not empty, at most `max` characters.
void required_text(std::string& value, const char* field, const char* label, std::size_t max) {
  value = std::string(trim(value));
  if (value.empty())
    throw invalid("required", field, std::string(label) + "不能为空", std::string(field) + " is required");
  validate_free_text(field, value, max);
}

// An optional text: trimmed, empty means none, at most `max` characters.
void optional_text(std::optional<std::string>& value, const char* field, std::size_t max) {
  if (!value) return;
  value = std::string(trim(*value));
  if (value->empty()) {
    value.reset();
    return;
  }
  validate_free_text(field, *value, max);
}

}  // namespace

void normalise_and_validate(OutstandingWoman& e, Date today) {
  required_text(e.honour, "honour", "荣誉或事迹", 100);
  optional_text(e.field, "field", 50);
  optional_text(e.notes, "notes", 1000);
  if (e.year && (*e.year < 1949 || *e.year > today.year()))
    throw invalid("year_range", "year", "年份应在1949年至今年之间", "the year must lie between 1949 and this year");
}

void normalise_and_validate(SocialOrganisation& e, Date today) {
  required_text(e.name, "name", "组织名称", 100);
  optional_text(e.kind, "kind", 50);
  optional_text(e.field, "field", 50);
  optional_text(e.head_name, "head_name", 50);
  // The head is a person: her name follows the registry's rule (emoji and control characters refused).
  if (e.head_name) e.head_name = normalise_person_name(*e.head_name, "head_name");
  optional_text(e.notes, "notes", 1000);
  if (e.member_count && (*e.member_count < 0 || *e.member_count > 10'000'000))
    throw invalid("member_count_range", "member_count", "成员人数应为0至10000000之间的整数",
                  "the member count must lie between 0 and 10,000,000");
  if (e.founded_on && *e.founded_on > today)
    throw invalid("date_in_future", "founded_on", "成立日期不能晚于今天", "the founding date cannot be in the future");
  optional_text(e.contact, "contact", 30);
  if (e.contact) {
    try {
      e.contact = normalise_mobile(*e.contact);
    } catch (const DomainError&) {
      try {
        e.contact = normalise_office_phone(*e.contact);
      } catch (const DomainError&) {
        throw invalid("contact_format", "contact", "联系电话应为11位手机号或带区号的固定电话，如 0451-84694842",
                      "the contact is an 11-digit mobile number or a landline with its area code");
      }
    }
  }
}

}  // namespace jinguo::domain
