#include "domain/contact.h"

#include <algorithm>
#include <variant>

#include "domain/error.h"
#include "domain/import/values.h"
#include "domain/person.h"
#include "domain/text.h"

namespace jinguo::domain {

namespace {

constexpr std::size_t kMaxPost = 50;
constexpr std::size_t kMaxEmail = 100;

// An optional text: trimmed, blank means none.
void blank_to_none(std::optional<std::string>& value) {
  if (!value) return;
  value = import::clean_text(*value);
  if (value->empty()) value.reset();
}

// A phone as the importer normalises it (spaces, dashes, +86, full-width digits, 转).
void normalise_phone_field(std::optional<std::string>& value, bool mobile_only, const char* field) {
  blank_to_none(value);
  if (!value) return;
  auto number = import::normalise_phone(import::CellValue::of_text(*value));
  const auto* phone = std::get_if<import::PhoneNumber>(&number);
  if (mobile_only && (phone == nullptr || !phone->mobile))
    throw invalid("mobile_format", field, "手机号码“" + *value + "”应为11位数字，以13–19开头；固定电话请填在办公电话中",
                  "a mobile number has 11 digits starting with 13-19; a landline goes into the office phone");
  if (phone == nullptr)
    throw invalid("office_phone_format", field,
                  "办公电话“" + *value + "”无法识别，请填写带区号的固定电话（如0451-86661234）或11位手机号",
                  "the office phone is not a landline with its area code or a mobile number");
  value = phone->text;
}

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool valid_local_part(std::string_view local) {
  if (local.empty() || local.size() > 64 || local.front() == '.' || local.back() == '.' ||
      local.find("..") != std::string_view::npos)
    return false;
  return std::all_of(local.begin(), local.end(), [](char c) {
    return is_ascii_letter(c) || is_ascii_digit(c) || std::string_view("._%+-").find(c) != std::string_view::npos;
  });
}

bool valid_domain(std::string_view domain) {
  std::size_t labels = 0;
  std::string_view last;
  while (true) {
    auto dot = domain.find('.');
    std::string_view label = domain.substr(0, dot);
    if (label.empty() || label.front() == '-' || label.back() == '-') return false;
    if (!std::all_of(label.begin(), label.end(), [](char c) { return is_ascii_letter(c) || is_ascii_digit(c) || c == '-'; }))
      return false;
    ++labels;
    last = label;
    if (dot == std::string_view::npos) break;
    domain.remove_prefix(dot + 1);
  }
  return labels >= 2 && last.size() >= 2 && std::all_of(last.begin(), last.end(), is_ascii_letter);
}

void check_dates(const Contact& c, const char* field) {
  if (c.end_on && *c.end_on <= c.start_on)
    throw invalid("end_before_start", field,
                  "结束日期（" + c.end_on->iso() + "）必须晚于开始日期（" + c.start_on.iso() + "）",
                  "the end date " + c.end_on->iso() + " must be after the start date " + c.start_on.iso());
}

}  // namespace

std::string normalise_email(std::string_view email, const std::string& field) {
  std::string text = import::clean_text(import::to_half_width(email));
  auto bad = [&] {
    return invalid("email_format", field, "电子邮箱“" + text + "”格式不对，应为“名称@域名”，如 fulian@example.cn",
                   "an e-mail address is local@domain.tld");
  };
  auto length = utf8_length(text);
  if (!length) throw invalid("invalid_text", field, "电子邮箱含有无效字符", "the e-mail is not valid UTF-8");
  if (*length > kMaxEmail)
    throw invalid("too_long", field, "电子邮箱不能超过" + std::to_string(kMaxEmail) + "个字符",
                  "the e-mail is longer than " + std::to_string(kMaxEmail) + " characters");
  auto at = text.find('@');
  if (at == std::string::npos || text.find('@', at + 1) != std::string::npos) throw bad();
  std::string local = text.substr(0, at), domain = text.substr(at + 1);
  std::transform(domain.begin(), domain.end(), domain.begin(),
                 [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
  if (!valid_local_part(local) || !valid_domain(domain)) throw bad();
  return local + "@" + domain;
}

void normalise_and_validate(Contact& c, const Date& today) {
  c.name = normalise_person_name(import::clean_text(c.name), "name");
  blank_to_none(c.post);
  if (c.post) {
    auto n = utf8_length(*c.post);
    if (!n) throw invalid("invalid_text", "post", "职务含有无效字符", "the post is not valid UTF-8");
    if (*n > kMaxPost)
      throw invalid("too_long", "post", "职务不能超过" + std::to_string(kMaxPost) + "个字",
                    "the post is longer than " + std::to_string(kMaxPost) + " characters");
  }
  normalise_phone_field(c.office_phone, false, "office_phone");
  normalise_phone_field(c.mobile, true, "mobile");
  blank_to_none(c.email);
  if (c.email) c.email = normalise_email(*c.email, "email");
  if (!c.office_phone && !c.mobile && !c.email)
    throw invalid("contact_unreachable", "mobile", "请至少填写办公电话、手机号码、电子邮箱中的一项",
                  "at least one of office phone, mobile and e-mail is required");
  validate_start(c.start_on, today);
  check_dates(c, "start_on");
}

Contact changed(const Contact& before, const ContactChanges& changes, const Date& today) {
  Contact after = before;
  if (changes.name) after.name = *changes.name;
  if (changes.post) after.post = *changes.post;
  if (changes.office_phone) after.office_phone = *changes.office_phone;
  if (changes.mobile) after.mobile = *changes.mobile;
  if (changes.email) after.email = *changes.email;
  if (changes.start_on) after.start_on = *changes.start_on;
  normalise_and_validate(after, today);
  return after;
}

Contact ended(const Contact& before, const Date& end_on) {
  if (before.end_on)
    throw invalid("contact_ended", "end_on", "该联系人已于" + before.end_on->iso() + "结束",
                  "the contact ended on " + before.end_on->iso());
  Contact after = before;
  after.end_on = end_on;
  check_dates(after, "end_on");
  return after;
}

}  // namespace jinguo::domain
