#include "http/list_queries.h"

#include "domain/error.h"

namespace jinguo::http {

services::PeopleQuery people_query(const QueryParams& q) {
  services::PeopleQuery query;
  query.text = q.text("q").value_or("");
  query.organisation_id = q.id("organisation_id");
  query.role = q.text("role");
  query.manner = q.text("manner");
  query.source = q.text("source");
  query.on = q.date("on");
  auto status = q.text("status").value_or("current");
  if (status == "former") query.status = storage::HoldingStatus::kFormer;
  else if (status == "all") query.status = storage::HoldingStatus::kAll;
  else if (status != "current")
    throw domain::malformed("invalid_parameter", "status", "status应为current、former或all",
                            "status is current, former or all");
  return query;
}

services::AuditQuery audit_query(const QueryParams& q) {
  return {q.id("within"), q.id("person_id"), q.text("person"), q.text("account"),
          q.date("from"), q.date("to"),      q.text("action"), q.text("entity")};
}

services::ArchiveQuery archive_query(const QueryParams& q) {
  services::ArchiveQuery query;
  query.within = q.id("within");
  query.text = q.text("q").value_or("");
  if (auto year = q.id("year")) {
    if (*year < 1900 || *year > 9999)
      throw domain::malformed("invalid_parameter", "year", "年份参数无效", "year is not a year");
    query.year = static_cast<int>(*year);
  }
  query.kind = q.text("kind");
  return query;
}

}  // namespace jinguo::http
