#pragma once
// The registry's change feed (migration 0012, docs/api-contract.md "Forms and compliance
// fast"): a write transaction notes which organisations, people and positions it touched
// (where it records their audit), and just before it commits raises the registry's
// generation and lists them under the new one. A server's in-memory index (held_index.h)
// reads the generation in each read transaction and the changes after its own.
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace jinguo::storage {

class Connection;
class ReadTx;

enum class RegistryEntity : std::uint8_t { kOrganisation, kPerson, kPosition, kAll };

std::optional<RegistryEntity> registry_entity_of(std::string_view entity);

// What one transaction touched, deduplicated when it commits.
class RegistryTouches {
 public:
  // More than this many and one ('all', 0) row is written instead: an import of 100,000
  // rows touches 200,000 entities, and reloading everything is cheaper than listing them.
  static constexpr std::size_t kMaxListed = 10000;

  void add(RegistryEntity entity, std::int64_t id);
  bool empty() const { return !all_ && touched_.empty(); }
  void clear() {
    touched_.clear();
    all_ = false;
  }
  // Sorted, without duplicates; one (kAll, 0) when there were too many.
  std::vector<std::pair<RegistryEntity, std::int64_t>> listed();

 private:
  void squeeze();
  std::vector<std::pair<RegistryEntity, std::int64_t>> touched_;
  bool all_ = false;
};

// Inside the transaction, just before COMMIT: raises the generation and lists the touches
// under it (the generation row's lock orders the writers on PostgreSQL; SQLite has one
// writer at a time). Old changes are pruned now and then. Returns the new generation.
std::int64_t write_registry_changes(Connection& c, RegistryTouches& touches);

struct RegistryChange {
  std::int64_t generation = 0;
  RegistryEntity entity = RegistryEntity::kAll;
  std::int64_t id = 0;
};

// The registry's generation as the transaction sees it.
std::int64_t registry_generation(const ReadTx& tx);
// The changes of generations (after, upto], oldest first.
std::vector<RegistryChange> registry_changes(const ReadTx& tx, std::int64_t after, std::int64_t upto);

// Changes kept: a server whose generation is older than the oldest change kept reloads all.
inline constexpr std::int64_t kKeptGenerations = 100000;

}  // namespace jinguo::storage
