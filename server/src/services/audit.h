#pragma once
// The audit record written with every change: {"field": {"before": .., "after": ..}}.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/date.h"
#include "services/actor.h"
#include "storage/database.h"

namespace jinguo::services {

inline nlohmann::json audit_value(const std::string& v) { return v; }
inline nlohmann::json audit_value(const char* v) { return v; }
inline nlohmann::json audit_value(bool v) { return v; }
inline nlohmann::json audit_value(int v) { return v; }
inline nlohmann::json audit_value(long long v) { return v; }
inline nlohmann::json audit_value(long v) { return v; }
inline nlohmann::json audit_value(const domain::Date& d) { return d.iso(); }
template <class T>
nlohmann::json audit_value(const std::vector<T>& v) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& x : v) out.push_back(audit_value(x));
  return out;
}
template <class T>
nlohmann::json audit_value(const std::optional<T>& v) {
  return v ? audit_value(*v) : nlohmann::json(nullptr);
}

class ChangeSet {
 public:
  template <class T>
  ChangeSet& add(const std::string& field, const T& before, const T& after) {
    nlohmann::json b = audit_value(before), a = audit_value(after);
    if (b != a) changes_[field] = {{"before", b}, {"after", a}};
    return *this;
  }
  template <class T>
  ChangeSet& created(const std::string& field, const T& value) {
    changes_[field] = {{"before", nullptr}, {"after", audit_value(value)}};
    return *this;
  }
  // A field of something removed: {before: value, after: null}, null values included.
  template <class T>
  ChangeSet& removed(const std::string& field, const T& value) {
    changes_[field] = {{"before", audit_value(value)}, {"after", nullptr}};
    return *this;
  }
  bool empty() const { return changes_.empty(); }
  const nlohmann::json& json() const { return changes_; }

 private:
  nlohmann::json changes_ = nlohmann::json::object();
};

struct AuditTarget {
  std::string action;  // create, update, move, close, end, ...
  std::string entity;  // organisation, person, position, dictionary_entry
  std::string entity_id;
  std::optional<std::int64_t> organisation_id = std::nullopt;
  std::optional<std::int64_t> person_id = std::nullopt;  // person and position records
};

void record_audit(const storage::WriteTx& tx, const Actor& actor, const AuditTarget& target,
                  const ChangeSet& changes);

}  // namespace jinguo::services
