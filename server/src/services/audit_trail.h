#pragma once
// Reading what was done in a subtree: the audit page and its export list the records of the
// caller's scope (or of a body within it), filtered, with the names of what they touched.
// Needs the permission to view the audit.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/date.h"
#include "domain/organisation.h"
#include "services/actor.h"
#include "services/audit_names.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::services {

struct AuditQuery {
  std::optional<domain::OrganisationId> within;
  std::optional<std::int64_t> person_id;
  std::optional<std::string> person;  // a full ID number or a name (prefix from 2 characters)
  std::optional<std::string> account;  // username
  std::optional<domain::Date> from, to;
  std::optional<std::string> action, entity;
};

class AuditTrail {
 public:
  explicit AuditTrail(storage::Database& db) : db_(db) {}

  storage::Page<AuditRecord> Search(const Actor& actor, const AuditQuery& query, const storage::PageSpec& page);

 private:
  storage::Database& db_;
};

}  // namespace jinguo::services
