#pragma once
// The resident ID number (居民身份证号码, GB 11643): 6 digits of region, 8 of birth date,
// 3 of sequence (odd = male, even = female) and a check character (ISO 7064 MOD 11-2).
#include <string>
#include <string_view>

#include "domain/date.h"

namespace jinguo::domain {

enum class Sex { kFemale, kMale };

struct IdNumber {
  std::string value;  // always 18 characters, upper-case X, ASCII digits
  Date birth_date;
  Sex sex;
};

// Normalises (trims spaces, full-width digits and X to ASCII, x to X, converts a
// 15-digit legacy number to 18) and validates. Throws DomainError (field "id_number")
// saying exactly what is wrong: length, characters, region, birth date, check digit.
IdNumber parse_id_number(std::string_view raw, const Date& today = Date::today_utc());

// The check character for the first 17 digits.
char id_number_check_char(std::string_view first17);

// 230102********1234: region and last four kept, the rest hidden.
std::string mask_id_number(std::string_view id_number);

std::string sex_code(Sex sex);  // "female" / "male"

}  // namespace jinguo::domain
