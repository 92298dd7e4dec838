#pragma once
// Streams generated organisations, people and positions into the database in large
// transactions (statements prepared once, run per row, committed every batch_rows rows). Keeps the
// generator's ids; computes each body's path and depth from its parent. Holds only the
// current row and the bodies' paths in memory, so national-scale data streams.
#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include <soci/soci.h>

#include "demo/sink.h"
#include "storage/database.h"

namespace jinguo::storage {

class BulkImporter : public demo::Sink {
 public:
  explicit BulkImporter(Database& db, std::size_t batch_rows = 10000);
  ~BulkImporter() override;

  void add(const domain::Organisation& organisation) override;
  void add(const domain::Person& person) override;
  void add(const domain::Position& position) override;
  void finish() override;

  std::size_t organisations() const { return organisation_count_; }
  std::size_t people() const { return person_count_; }
  std::size_t positions() const { return position_count_; }

 private:
  struct OrganisationBatch;
  struct PersonBatch;
  struct PositionBatch;

  void insert(soci::statement& statement);
  void begin();
  void commit();

  Database& db_;
  Backend backend_;
  std::size_t batch_rows_;
  std::unique_ptr<soci::session> sql_;
  bool in_transaction_ = false;
  std::size_t rows_in_transaction_ = 0;
  std::string now_;
  std::unordered_map<domain::OrganisationId, std::pair<std::string, int>> paths_;  // path, depth
  std::unique_ptr<OrganisationBatch> organisations_;
  std::unique_ptr<PersonBatch> people_;
  std::unique_ptr<PositionBatch> positions_;
  std::size_t organisation_count_ = 0, person_count_ = 0, position_count_ = 0;
};

}  // namespace jinguo::storage
