#pragma once
// Streams generated organisations, people and positions into the database. Keeps the
// generator's ids; computes each body's path and depth from its parent. Holds only the
// current row (SQLite) or a buffer of about 1 MiB per table (PostgreSQL) and the bodies'
// paths in memory, so national-scale data streams.
//
// SQLite: statements prepared once, run per row, committed every batch_rows rows.
// PostgreSQL: COPY ... FROM STDIN (text format) through libpq, a table's buffer sent as
// one COPY when it fills (a position's buffer only after the people and bodies before
// it), all in one transaction. Into empty tables (the demo's fresh database) the load
// truncates them in that transaction and copies with FREEZE (rows visible to all, so
// index-only scans need no VACUUM first), drops the secondary indexes and foreign keys
// and builds them again at the end (which checks them all, uniqueness included), then
// ANALYZE; a failure anywhere rolls all of it back. Into tables that hold rows it only
// copies. At the end the identity sequences are moved past the largest ids, so rows
// created later through the API do not collide.
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
  class CopyLoad;

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
  std::unique_ptr<CopyLoad> copy_;  // PostgreSQL
  std::size_t organisation_count_ = 0, person_count_ = 0, position_count_ = 0;
};

}  // namespace jinguo::storage
