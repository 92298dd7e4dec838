#include "domain/person_query.h"

#include "domain/error.h"
#include "domain/id_number.h"
#include "domain/text.h"

namespace jinguo::domain {

PersonQuery person_query(std::string_view text, const Date& today) {
  PersonQuery q;
  std::string_view t = trim(text);
  bool number_like = !t.empty() && (t.front() >= '0' && t.front() <= '9');
  if (number_like) {
    try {
      q.id_number = parse_id_number(t, today).value;
    } catch (const DomainError&) {
      q.id_number = std::string(t);  // not a valid full number: it matches nobody
    }
    return q;
  }
  q.name = std::string(t);
  q.prefix = utf8_length(t).value_or(0) >= 2;
  return q;
}

}  // namespace jinguo::domain
