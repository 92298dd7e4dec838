#pragma once
// The filters of the lists, read from the query string the same way for a list and for its
// export (GET /api/people and /api/people.xlsx, …).
#include "http/request.h"
#include "services/audit_trail.h"
#include "services/archives.h"
#include "services/registry.h"

namespace jinguo::http {

// q, organisation_id, status (current|former|all), role, manner, source, on.
services::PeopleQuery people_query(const QueryParams& q);
// within, person_id, person, account, from, to, action, entity.
services::AuditQuery audit_query(const QueryParams& q);
// within, q, year, kind.
services::ArchiveQuery archive_query(const QueryParams& q);

}  // namespace jinguo::http
