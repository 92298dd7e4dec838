#include "storage/registry_changes.h"

#include <algorithm>
#include <string>
#include <string_view>

#include "storage/connection.h"
#include "storage/database.h"

namespace jinguo::storage {

namespace {

constexpr const char* kBump = "UPDATE registry_generation SET n = n + 1 WHERE id = 1 RETURNING n";
constexpr const char* kInsertChange = "INSERT INTO registry_changes (generation, entity, entity_id) VALUES ";
constexpr const char* kPrune = "DELETE FROM registry_changes WHERE generation <= $1";
constexpr const char* kGeneration = "SELECT n FROM registry_generation WHERE id = 1";
constexpr const char* kChanges =
    "SELECT generation, entity, entity_id FROM registry_changes WHERE generation > $1 AND generation <= $2 "
    "ORDER BY generation";

constexpr std::size_t kRowsPerInsert = 100;
constexpr std::int64_t kPruneEvery = 1000;  // generations

std::string_view entity_code(RegistryEntity e) {
  switch (e) {
    case RegistryEntity::kOrganisation: return "organisation";
    case RegistryEntity::kPerson: return "person";
    case RegistryEntity::kPosition: return "position";
    case RegistryEntity::kAll: break;
  }
  return "all";
}

}  // namespace

std::optional<RegistryEntity> registry_entity_of(std::string_view entity) {
  if (entity == "organisation") return RegistryEntity::kOrganisation;
  if (entity == "person") return RegistryEntity::kPerson;
  if (entity == "position") return RegistryEntity::kPosition;
  if (entity == "all") return RegistryEntity::kAll;
  return std::nullopt;
}

void RegistryTouches::add(RegistryEntity entity, std::int64_t id) {
  if (all_) return;
  if (entity == RegistryEntity::kAll) {
    touched_.clear();
    all_ = true;
    return;
  }
  touched_.emplace_back(entity, id);
  if (touched_.size() >= 4 * kMaxListed) squeeze();
}

void RegistryTouches::squeeze() {
  std::sort(touched_.begin(), touched_.end());
  touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
  if (touched_.size() > kMaxListed) {
    touched_.clear();
    touched_.shrink_to_fit();
    all_ = true;
  }
}

std::vector<std::pair<RegistryEntity, std::int64_t>> RegistryTouches::listed() {
  squeeze();
  if (all_) return {{RegistryEntity::kAll, 0}};
  return touched_;
}

std::int64_t write_registry_changes(Connection& c, RegistryTouches& touches) {
  const auto listed = touches.listed();
  std::int64_t generation = 0;
  {
    Statement bump = c.prepare(kBump);
    bump.step();
    generation = bump.integer(0);
  }
  for (std::size_t first = 0; first < listed.size(); first += kRowsPerInsert) {
    const std::size_t n = std::min(kRowsPerInsert, listed.size() - first);
    std::string sql = kInsertChange;
    for (std::size_t r = 0; r < n; ++r) {
      const int p = static_cast<int>(r) * 3;
      sql += (r ? ", ($" : "($") + std::to_string(p + 1) + ", $" + std::to_string(p + 2) + ", $" +
             std::to_string(p + 3) + ")";
    }
    Statement insert = c.prepare(sql, n == kRowsPerInsert || n == 1 ? Keep::kYes : Keep::kNo);
    for (std::size_t r = first; r < first + n; ++r)
      insert.bind(generation).bind(entity_code(listed[r].first)).bind(listed[r].second);
    insert.run();
  }
  if (generation % kPruneEvery == 0 && generation > kKeptGenerations) {
    Statement prune = c.prepare(kPrune);
    prune.bind(generation - kKeptGenerations).run();
  }
  touches.clear();
  return generation;
}

std::int64_t registry_generation(const ReadTx& tx) {
  Statement row = tx.prepare(kGeneration);
  return row.step() ? row.integer(0) : 0;
}

std::vector<RegistryChange> registry_changes(const ReadTx& tx, std::int64_t after, std::int64_t upto) {
  std::vector<RegistryChange> out;
  Statement row = tx.prepare(kChanges);
  row.bind(after).bind(upto);
  while (row.step())
    out.push_back({row.integer(0), registry_entity_of(row.text(1)).value_or(RegistryEntity::kAll), row.integer(2)});
  return out;
}

}  // namespace jinguo::storage
