#pragma once
// What a password must be: at least kMinPasswordLength characters, at most
// kMaxPasswordLength bytes, not a common password and not the username.
#include <string_view>

namespace jinguo::domain {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 200;

// Case-insensitive (ASCII) lookup in the embedded list of common passwords.
bool is_common_password(std::string_view password);

// Throws DomainError 422 naming `field`: password_too_short, password_too_long,
// password_contains_username (case-insensitive), password_too_common.
void validate_password(std::string_view password, std::string_view username, const char* field = "password");

}  // namespace jinguo::domain
