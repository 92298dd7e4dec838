#include "storage/rule_set_repository.h"

#include "storage/query.h"

namespace jinguo::storage {

namespace {

constexpr const char* kSelectRuleSets =
    "SELECT code, version, name, definition, created_at, created_by FROM rule_sets";
constexpr const char* kOrderRuleSets = " ORDER BY code, version";
constexpr const char* kWhereCodeVersion = " WHERE code = :code AND version = :version";
constexpr const char* kLatestVersion = "SELECT COALESCE(MAX(version), 0) FROM rule_sets WHERE code = :code";
constexpr const char* kInsertRuleSet =
    "INSERT INTO rule_sets (code, version, name, definition, created_at, created_by) "
    "VALUES (:code, :version, :name, :definition, :created_at, :created_by)";
constexpr const char* kSelectSchedule =
    "SELECT effective_from, code, version, created_at, created_by FROM rule_set_schedule ORDER BY effective_from";
constexpr const char* kInsertSchedule =
    "INSERT INTO rule_set_schedule (effective_from, code, version, created_at, created_by) "
    "VALUES (:effective_from, :code, :version, :created_at, :created_by)";
constexpr const char* kSelectSetting = "SELECT value FROM settings WHERE key = :key";

// PostgreSQL answers a TIMESTAMPTZ as "2016-01-01 00:00:00+00": written here as ISO 8601.
std::string iso_timestamp(std::string t) {
  if (t.size() > 10 && t[10] == ' ') t[10] = 'T';
  if (t.ends_with("+00")) t.replace(t.size() - 3, 3, "Z");
  return t;
}

struct Columns {
  RuleSetRow row;
  void bind(Query& q) {
    q.into(row.code).into(row.version).into(row.name).into(row.definition).into(row.created_at).into(row.created_by);
  }
  RuleSetRow get() const {
    RuleSetRow r = row;
    r.created_at = iso_timestamp(r.created_at);
    return r;
  }
};

}  // namespace

std::vector<RuleSetRow> RuleSetRepository::all() const {
  std::vector<RuleSetRow> out;
  Columns c;
  Query q(tx_.sql());
  c.bind(q);
  q.open(std::string(kSelectRuleSets) + kOrderRuleSets);
  while (q.fetch()) out.push_back(c.get());
  return out;
}

std::optional<RuleSetRow> RuleSetRepository::find(const std::string& code, int version) const {
  Columns c;
  std::string key = code;
  int v = version;
  Query q(tx_.sql());
  c.bind(q);
  q.use(key).use(v);
  if (!q.run(std::string(kSelectRuleSets) + kWhereCodeVersion)) return std::nullopt;
  return c.get();
}

int RuleSetRepository::latest_version(const std::string& code) const {
  int latest = 0;
  std::string key = code;
  Query q(tx_.sql());
  q.into(latest).use(key);
  q.run(kLatestVersion);
  return latest;
}

void RuleSetRepository::insert(const RuleSetRow& row) const {
  RuleSetRow r = row;
  Query q(tx_.sql());
  q.use(r.code).use(r.version).use(r.name).use(r.definition).use(r.created_at).use(r.created_by);
  q.run(kInsertRuleSet);
}

std::vector<ScheduleRow> RuleSetRepository::schedule() const {
  std::vector<ScheduleRow> out;
  std::string from, code, created_at, created_by;
  int version = 0;
  Query q(tx_.sql());
  q.into(from).into(code).into(version).into(created_at).into(created_by);
  q.open(kSelectSchedule);
  while (q.fetch()) out.push_back({stored_date(from), code, version, iso_timestamp(created_at), created_by});
  return out;
}

void RuleSetRepository::schedule_insert(const ScheduleRow& row) const {
  std::string from = row.effective_from.iso(), code = row.code, created_at = row.created_at,
              created_by = row.created_by;
  int version = row.version;
  Query q(tx_.sql());
  q.use(from).use(code).use(version).use(created_at).use(created_by);
  q.run(kInsertSchedule);
}

std::optional<std::string> RuleSetRepository::setting(const std::string& key) const {
  std::string k = key, value;
  Query q(tx_.sql());
  q.into(value).use(k);
  if (!q.run(kSelectSetting)) return std::nullopt;
  return value;
}

}  // namespace jinguo::storage
