#pragma once
// The audit record written with every change: {"field": {"before": .., "after": ..}}.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/date.h"
#include "services/actor.h"
#include "storage/database.h"
#include "storage/repositories.h"

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

// The changes of one audit record. Each value is kept as its JSON text, and the record is
// written as {"field":{"after":..,"before":..}} with the fields in order: a JSON tree per
// record made a 100,000-row import spend a fifth of its time in allocation.
class ChangeSet {
 public:
  template <class T>
  ChangeSet& add(const std::string& field, const T& before, const T& after) {
    nlohmann::json b = audit_value(before), a = audit_value(after);
    if (b != a) put(field, b.dump(), a.dump());
    return *this;
  }
  template <class T>
  ChangeSet& created(const std::string& field, const T& value) {
    put(field, "null", audit_value(value).dump());
    return *this;
  }
  // A field of something removed: {before: value, after: null}, null values included.
  template <class T>
  ChangeSet& removed(const std::string& field, const T& value) {
    put(field, audit_value(value).dump(), "null");
    return *this;
  }
  bool empty() const { return changes_.empty(); }
  std::string text() const;

 private:
  struct Change {
    std::string field, before, after;  // before and after as JSON text
  };
  void put(const std::string& field, std::string before, std::string after);
  std::vector<Change> changes_;  // ordered by field, as a JSON object's keys are
};

// One field of an entry created (before null: the value after), changed (the two, if they
// differ) or removed (after null: the value before, unless it was null).
template <class Entry, class T>
void diff_field(ChangeSet& c, const char* field, const Entry* before, const Entry* after, T Entry::*member) {
  if (!before) c.created(field, after->*member);
  else if (!after) c.add(field, std::optional<T>(before->*member), std::optional<T>());
  else c.add(field, before->*member, after->*member);
}

struct AuditTarget {
  std::string action;  // create, update, move, close, end, ...
  std::string entity;  // organisation, person, position, dictionary_entry
  std::string entity_id;
  std::optional<std::int64_t> organisation_id = std::nullopt;
  std::optional<std::int64_t> person_id = std::nullopt;  // person and position records
};

void record_audit(const storage::WriteTx& tx, const Actor& actor, const AuditTarget& target,
                  const ChangeSet& changes);

// The audit records of a batch (an import): each change is still its own record in the same
// transaction, written a hundred at a time (on PostgreSQL a round trip each made a
// 100,000-row commit wait on 200,000 of them). flush() before the transaction commits.
class AuditBatch {
 public:
  AuditBatch(const storage::WriteTx& tx, const Actor& actor) : tx_(tx), actor_(actor) {}
  void record(const AuditTarget& target, const ChangeSet& changes);
  void flush();

 private:
  const storage::WriteTx& tx_;
  const Actor& actor_;
  std::vector<storage::AuditEvent> pending_;
};

}  // namespace jinguo::services
