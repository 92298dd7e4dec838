#include "domain/access/password_policy.h"

#include <algorithm>
#include <string>

#include "domain/error.h"
#include "domain/text.h"

namespace jinguo::domain {

namespace {

// Common passwords from public breach lists (the ones of 10 characters or more matter;
// shorter ones fail the length rule anyway). Lower case; compared case-insensitively.
constexpr std::string_view kCommonPasswords[] = {
#include "domain/access/common_passwords.inc"
};

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c); });
  return out;
}

}  // namespace

bool is_common_password(std::string_view password) {
  std::string p = lower(password);
  return std::find(std::begin(kCommonPasswords), std::end(kCommonPasswords), p) != std::end(kCommonPasswords);
}

void validate_password(std::string_view password, std::string_view username, const char* field) {
  if (password.size() > kMaxPasswordLength)
    throw invalid("password_too_long", field, "密码不能超过200个字符", "the password is longer than 200 bytes");
  auto length = utf8_length(password).value_or(password.size());
  if (length < kMinPasswordLength)
    throw invalid("password_too_short", field, "密码至少需要10个字符", "the password has fewer than 10 characters");
  std::string p = lower(password);
  bool one_character = std::all_of(p.begin(), p.end(), [&](char c) { return c == p.front(); });
  if (!username.empty() && p.find(lower(username)) != std::string::npos)
    throw invalid("password_contains_username", field, "密码不能包含用户名，请换一个",
                  "the password contains the username");
  if (is_common_password(p) || one_character)
    throw invalid("password_too_common", field, "密码太常见，容易被猜中，请换一个", "the password is too common");
}

}  // namespace jinguo::domain
