#pragma once
// Audit records as a reader sees them: with the names of the people, bodies and accounts
// they speak of, resolved for a whole page at once (one query per kind of id).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::services {

struct AuditRecord {
  storage::StoredAuditEvent stored;
  std::optional<std::string> person_name;   // the person of a person or position record
  std::optional<std::string> entity_label;  // what the record is about, in words
  // The names of the ids in `changes`: "organisation_id" (also for parent_id), "person_id",
  // "account_id" → id → name.
  std::map<std::string, std::map<std::int64_t, std::string>> names;
};

// Resolves the names of a page of records in one query per kind of id.
std::vector<AuditRecord> with_names(const storage::ReadTx& tx, std::vector<storage::StoredAuditEvent> events);

}  // namespace jinguo::services
