#include "domain/person.h"

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain {

namespace {

std::string without_separators(std::string_view raw) {
  std::string out;
  for (char c : trim(raw))
    if (c != ' ' && c != '-' && c != '\t') out.push_back(c);
  return out;
}

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

}  // namespace

void validate_person_name(std::string_view name) { normalise_person_name(name); }

std::string normalise_mobile(std::string_view mobile) {
  std::string m = without_separators(mobile);
  if (m.starts_with("+86")) m.erase(0, 3);
  if (m.size() != 11 || !all_digits(m) || m[0] != '1' || m[1] < '3')
    throw invalid("mobile_format", "mobile", "手机号应为11位数字，以13–19开头",
                  "a mobile number has 11 digits starting with 13-19");
  return m;
}

std::string normalise_office_phone(std::string_view phone) {
  std::string t(trim(phone));
  std::string digits;
  std::string out;
  bool last_dash = true;
  for (char c : t) {
    if (c == ' ') continue;
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      out.push_back(c);
      last_dash = false;
    } else if (c == '-' && !last_dash) {
      out.push_back(c);
      last_dash = true;
    } else {
      throw invalid("office_phone_format", "office_phone", "办公电话只能包含数字和连字符",
                    "an office phone has digits and hyphens only");
    }
  }
  if (last_dash || digits.size() < 7 || digits.size() > 20)
    throw invalid("office_phone_format", "office_phone", "办公电话应为区号加号码，如0451-84694842",
                  "an office phone is an area code and number, e.g. 0451-84694842");
  return out;
}

void validate_free_text(std::string_view field, std::string_view text, std::size_t max_code_points) {
  auto decoded = utf8_decode(text);
  if (!decoded)
    throw invalid("invalid_text", std::string(field), "内容含有无效字符", "text is not valid UTF-8");
  if (has_control_character(*decoded, true))
    throw invalid("control_characters", std::string(field), "内容含有不可见的控制字符（常见于从其他系统复制的文字），请删去后重试",
                  "the text has control characters");
  auto n = std::optional(decoded->size());
  if (*n > max_code_points)
    throw invalid("too_long", std::string(field),
                  "内容不能超过" + std::to_string(max_code_points) + "个字",
                  "text is longer than " + std::to_string(max_code_points) + " characters");
}

}  // namespace jinguo::domain
