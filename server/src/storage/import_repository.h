#pragma once
// Uploads as jobs (migration 0008): the job rows, their stored file, and the judgement of
// each row of the file. Only the account that uploaded a job finds it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "domain/person.h"
#include "domain/position.h"
#include "storage/database.h"
#include "storage/repositories.h"

namespace jinguo::storage {

struct ImportJobRecord {
  std::int64_t id = 0;
  std::int64_t account_id = 0;
  std::int64_t organisation_id = 0;
  std::string organisation_name;
  std::string kind, state, file_name;
  std::int64_t size = 0;
  std::string sha256;
  int progress_done = 0, progress_total = 0;
  std::optional<std::string> report;  // JSON text
  std::optional<std::string> error_code, error_message, error_message_en;
  std::string created_at, updated_at;  // ISO 8601 UTC
};

struct NewImportJob {
  std::int64_t account_id = 0;
  std::int64_t organisation_id = 0;
  std::string kind, file_name;
  std::int64_t size = 0;
  std::string sha256;
  std::string content;  // base64
};

// What a finished piece of work leaves on the job.
struct ImportJobEnd {
  std::string state;
  std::optional<std::string> report;  // JSON text; nullopt keeps the stored one
  std::optional<std::string> error_code, error_message, error_message_en;
  bool drop_content = false;
};

// A position stored before an import, as the importer compares a row with it (the same body
// and role, not ended by the row's start: held already).
struct HeldBefore {
  domain::OrganisationId organisation_id = 0;
  std::string role;
  std::optional<domain::Date> end_on;
  domain::PositionId id = 0;
  std::string manner;
  std::optional<std::string> source;
  domain::Date start_on;
};

struct ImportRowRecord {
  std::int64_t row = 0;
  std::string outcome;
  std::string detail;  // JSON text
};

class ImportRepository {
 public:
  explicit ImportRepository(const ReadTx& tx) : tx_(tx) {}

  std::int64_t insert(const NewImportJob& job, const std::string& now) const;
  std::optional<ImportJobRecord> find(std::int64_t id, std::int64_t account_id) const;
  // The account's jobs created at or after `since`, newest first.
  std::vector<ImportJobRecord> of_account(std::int64_t account_id, const std::string& since) const;
  std::optional<std::string> content(std::int64_t id) const;  // base64; nullopt once removed

  // While checking or committing: rows done of total, and the job is alive (updated_at).
  // (total 0: not known yet, the stored one is kept).
  void set_progress(std::int64_t id, int done, int total, const std::string& now) const;
  void touch(std::int64_t id, const std::string& now) const;  // alive, waiting its turn
  void finish(std::int64_t id, const ImportJobEnd& end, const std::string& now) const;
  // checked or refused → committing; false when the job is in another state.
  bool begin_commit(std::int64_t id, const std::string& now) const;
  // Jobs left checking or committing, last alive before `cutoff` (of one account, or all):
  // failed, with the given error. Returns how many.
  long long fail_stale(std::optional<std::int64_t> account_id, const std::string& cutoff, const std::string& code,
                       const std::string& message, const std::string& message_en, const std::string& now) const;
  void remove(std::int64_t id) const;                          // the job and its rows
  long long remove_created_before(const std::string& cutoff) const;  // the same, for old jobs

  // The people registered under these ID numbers (any scope), in one query per 500 numbers:
  // an import asks for every row's, which was a round trip a row on PostgreSQL.
  std::unordered_map<std::string, domain::PersonId> people_by_id_number(
      const std::vector<std::string_view>& id_numbers) const;
  // Every position of these people (any scope, ended ones too), by person, in one query per
  // 500 people: a re-imported roster asked for each row's person's, a round trip a row.
  std::unordered_map<domain::PersonId, std::vector<HeldBefore>> positions_of_people(
      const std::vector<domain::PersonId>& people) const;

  // The rows of the job replaced by these (in one statement per few hundred rows).
  void replace_rows(std::int64_t id, const std::vector<ImportRowRecord>& rows) const;
  // A page of the rows, in row order; `outcome` when given filters.
  Page<ImportRowRecord> rows(std::int64_t id, const std::optional<std::string>& outcome, const PageSpec& page) const;
  std::vector<ImportRowRecord> all_rows(std::int64_t id) const;

 private:
  const ReadTx& tx_;
};

// The people and positions an import creates, inserted a few hundred to a statement (one
// round trip each was most of a PostgreSQL commit). The new ids come back with RETURNING and
// are matched to their rows by key, never by the order the database returns them in.
class RegistryInserts {
 public:
  static constexpr std::size_t kRowsPerInsert = 500;

  explicit RegistryInserts(const WriteTx& tx) : tx_(tx) {}

  // The new ids by ID number (the people's ids are ignored; their ID numbers are unique).
  std::unordered_map<std::string, domain::PersonId> insert_people(const std::vector<domain::Person>& people,
                                                                  std::optional<domain::OrganisationId> registered_in,
                                                                  const std::string& now) const;
  // The new ids in the order of `positions`, matched back by (person, body, role, start), which
  // must differ between the positions given (the positions' ids are ignored).
  std::vector<domain::PositionId> insert_positions(const std::vector<domain::Position>& positions,
                                                   const std::string& now) const;

 private:
  const WriteTx& tx_;
};

}  // namespace jinguo::storage
