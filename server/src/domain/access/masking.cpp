#include "domain/access/masking.h"

namespace jinguo::domain {

std::string mask_phone(std::string_view phone) {
  const std::size_t n = phone.size();
  if (n == 0) return "";
  if (n < 8) return std::string(n > 2 ? n - 2 : n, '*') + std::string(n > 2 ? phone.substr(n - 2) : "");
  std::size_t keep_front = (n == 11 && phone[0] == '1') ? 3 : 4;
  return std::string(phone.substr(0, keep_front)) + std::string(n - keep_front - 4, '*') +
         std::string(phone.substr(n - 4));
}

std::optional<std::string> mask_optional_phone(const std::optional<std::string>& phone) {
  if (!phone) return std::nullopt;
  return mask_phone(*phone);
}

bool echoes_masked_phone(const std::optional<std::string>& sent, const std::optional<std::string>& stored) {
  return sent && stored && *sent != *stored && *sent == mask_phone(*stored);
}

}  // namespace jinguo::domain
