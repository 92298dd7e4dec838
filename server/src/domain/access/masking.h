#pragma once
// Masking of personal data in answers (mask_id_number lives in domain/id_number.h).
#include <optional>
#include <string>
#include <string_view>

namespace jinguo::domain {

// 13804512345 → 138****2345; 0451-84694842 → 0451*****4842; short values are hidden but
// their last two characters.
std::string mask_phone(std::string_view phone);
std::optional<std::string> mask_optional_phone(const std::optional<std::string>& phone);

// Whether a phone sent back is the masked form of the stored one (an answer's value returned
// unchanged, which leaves the stored number alone), not a new number.
bool echoes_masked_phone(const std::optional<std::string>& sent, const std::optional<std::string>& stored);

}  // namespace jinguo::domain
