#pragma once
// A person (人员): one woman, known by her resident ID number.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/id_number.h"

namespace jinguo::domain {

using PersonId = std::int64_t;

struct Person {
  PersonId id = 0;
  std::string name;            // any Unicode: 阿依古丽·买买提, characters outside the BMP
  std::string id_number;       // normalised 18 characters
  Date birth_date;             // derived from id_number
  Sex sex = Sex::kFemale;      // derived from id_number
  std::optional<std::string> ethnicity;         // dictionary code (GB/T 3304)
  std::optional<std::string> political_status;  // dictionary code (GB/T 4762)
  std::optional<std::string> education;         // dictionary code (GB/T 4658)
  std::optional<std::string> work_unit;
  std::optional<std::string> job_title;          // post in her work unit
  std::optional<std::string> mobile;             // 11 digits, 1[3-9]…
  std::optional<std::string> office_phone;       // area code and number
  std::optional<std::string> notes;
};

// Field rules; each throws DomainError naming the field.

// A person's name as stored, or 422 naming `field` (default "name"): 1–50 characters of
// letters (Han characters, those outside the BMP such as 𠮷 included; Latin letters for
// foreign residents), single spaces between Latin words, and the middle dot "·" of minority
// names between two parts. A bullet "•", "‧", "∙", "⋅", full-width "．", "・" or "･" typed in
// its place becomes "·"; full-width Latin letters become ASCII; spaces next to a Han character
// or a dot are dropped and runs of spaces become one. Emoji, digits, control characters
// and other symbols: name_characters. Used wherever a name is entered (the registry, the
// importer).
std::string normalise_person_name(std::string_view name, const std::string& field = "name");
void validate_person_name(std::string_view name);  // normalise_person_name, result unused
std::string normalise_mobile(std::string_view mobile);     // "138 0451 2345" → "13804512345"
std::string normalise_office_phone(std::string_view phone);  // "0451-84694842", extension allowed
void validate_free_text(std::string_view field, std::string_view text, std::size_t max_code_points);

}  // namespace jinguo::domain
