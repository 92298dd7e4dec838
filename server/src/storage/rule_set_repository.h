#pragma once
// Stored staffing rule sets (migration 0004): immutable versions, the schedule of which
// version is in force from which date, and the deployment settings (campaign baseline).
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"
#include "storage/database.h"

namespace jinguo::storage {

struct RuleSetRow {
  std::string code;
  int version = 1;
  std::string name;
  std::string definition;  // JSON (services/rule_set_json.h)
  std::string created_at;  // ISO 8601 UTC
  std::string created_by;
};

struct ScheduleRow {
  domain::Date effective_from;
  std::string code;
  int version = 1;
  std::string created_at;
  std::string created_by;
};

class RuleSetRepository {
 public:
  explicit RuleSetRepository(const ReadTx& tx) : tx_(tx) {}
  std::vector<RuleSetRow> all() const;  // by code, then version
  std::optional<RuleSetRow> find(const std::string& code, int version) const;
  int latest_version(const std::string& code) const;  // 0: no such code
  void insert(const RuleSetRow& row) const;

  std::vector<ScheduleRow> schedule() const;  // by effective_from
  void schedule_insert(const ScheduleRow& row) const;

  std::optional<std::string> setting(const std::string& key) const;

 private:
  const ReadTx& tx_;
};

}  // namespace jinguo::storage
