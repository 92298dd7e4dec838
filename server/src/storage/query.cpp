#include "storage/query.h"

#include <stdexcept>

namespace jinguo::storage {

domain::Date stored_date(const std::string& text) {
  auto d = domain::Date::parse(std::string_view(text).substr(0, 10));
  if (!d) throw std::runtime_error("stored date is malformed: " + text);
  return *d;
}

std::optional<domain::Date> Nullable::date() const {
  if (ind != soci::i_ok) return std::nullopt;
  return stored_date(value);
}

std::string escape_like(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

std::string id_list(const std::vector<std::int64_t>& ids) {
  std::string out = "(";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  if (ids.empty()) out += "NULL";
  return out + ")";
}

}  // namespace jinguo::storage
