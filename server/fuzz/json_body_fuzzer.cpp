// The JSON request-body reader (http/request.cpp, JsonBody) on arbitrary bodies: every
// accessor on every field, so that a value of any type or shape ends in a DomainError (a
// 400 or 422), never in another exception (a 500) or a sanitizer report.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/error.h"
#include "http/request.h"

namespace {

template <class F>
void refused_or_read(F&& read) {
  try {
    read();
  } catch (const jinguo::domain::DomainError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using jinguo::http::JsonBody;
  const std::string body(reinterpret_cast<const char*>(data), size);
  static constexpr std::string_view kFields[] = {"name", "count", "active", "start_on", "tags", "ids", "places"};
  try {
    JsonBody json(body, kFields);
    for (std::string_view f : kFields) {
      const std::string field(f);
      refused_or_read([&] { json.text(field); });
      refused_or_read([&] { json.nullable_text(field); });
      refused_or_read([&] { json.integer(field); });
      refused_or_read([&] { json.boolean(field); });
      refused_or_read([&] { json.date(field); });
      refused_or_read([&] { json.nullable_date(field); });
      refused_or_read([&] { json.nullable_text_list(field); });
      refused_or_read([&] { json.integer_list(field); });
      refused_or_read([&] { json.required_text(field); });
      refused_or_read([&] { json.required_integer(field); });
      refused_or_read([&] { json.required_date(field); });
      refused_or_read([&] {
        for (const JsonBody& place : json.object_list(field, {"role", "on", "ids"})) {
          refused_or_read([&] { place.text("role"); });
          refused_or_read([&] { place.required_date("on"); });
          refused_or_read([&] { place.integer_list("ids"); });
        }
      });
    }
  } catch (const jinguo::domain::DomainError&) {
  }
  return 0;
}
