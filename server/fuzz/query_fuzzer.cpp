// The query-string parsing of the lists (httplib's own splitting and decoding, then
// http/request.cpp's QueryParams and http/list_queries.cpp) on arbitrary query strings: a
// bad value ends in a DomainError (400 naming the parameter), never in anything else.
#include <cstdint>
#include <string>

#include <httplib.h>

#include "domain/error.h"
#include "http/list_queries.h"
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
  using namespace jinguo::http;
  httplib::Request req;
  httplib::detail::parse_query_text(std::string(reinterpret_cast<const char*>(data), size), req.params);
  const QueryParams q(req);
  refused_or_read([&] { people_query(q); });
  refused_or_read([&] { audit_query(q); });
  refused_or_read([&] { archive_query(q); });
  refused_or_read([&] { q.page({"name", "id", "start_on"}); });
  refused_or_read([&] { q.body_type("type"); });
  refused_or_read([&] { q.boolean("include_closed"); });
  refused_or_read([&] { q.id("parent_id"); });
  refused_or_read([&] { q.date("on"); });
  return 0;
}
