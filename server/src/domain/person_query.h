#pragma once
// What a search text for a person names: her full ID number, or a name (exact, and from
// two characters on also a prefix). A partial number names nobody, so that numbers cannot
// be probed digit by digit.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"

namespace jinguo::domain {

struct PersonQuery {
  std::optional<std::string> id_number;  // set when the text is a number: the normalised full number
  std::string name;                      // otherwise the name, trimmed
  bool prefix = false;                   // the name also as a prefix (2 characters or more)
};

PersonQuery person_query(std::string_view text, const Date& today);

}  // namespace jinguo::domain
