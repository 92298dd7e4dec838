#pragma once
// Uploads as jobs (docs/api-contract.md, "Uploads are jobs"): the upload answers at once
// and the file is judged, or committed, in the background by one worker thread of this
// object, while the page polls. Jobs are rows in the database (storage/import_repository.h),
// so any server answers the polling; only the account that uploaded a job sees it.
//
// States: checking → checked → committing → committed | refused; failed when the file
// cannot be read, or when the server stopped while working (a job checking or committing
// that has not been alive for two minutes).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/error.h"
#include "services/actor.h"
#include "services/importing.h"
#include "services/registry.h"
#include "services/spreadsheets.h"
#include "storage/database.h"
#include "storage/import_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

inline constexpr std::size_t kMaxUploadBytes = 20u << 20;
// 413 file_too_large: an upload over kMaxUploadBytes.
domain::DomainError file_too_large();

struct ImportJobError {
  std::string code, message, message_en;
};

struct ImportJob {
  std::int64_t id = 0;
  std::string kind, state, file_name;
  std::int64_t size = 0;
  std::string sha256;
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  int progress_done = 0, progress_total = 0;
  std::optional<nlohmann::json> report;  // the summary: sheet, header_row, counts, warnings, committed, bodies
  std::optional<ImportJobError> error;
  std::string created_at, updated_at;
};

// One row's judgement: outcome create|update|unchanged|error, and `detail` {name,
// creates_person, person_changes [{field, label, before, after}], creates_position,
// position_changes [{field, label, before, after}] (任职方式, 来源 of the position she holds there),
// organisation, role, errors [{column, code, message, message_en}]}.
struct ImportJobRow {
  std::int64_t row = 0;
  std::string outcome;
  nlohmann::json detail;
};

struct Upload {
  ImportKind kind = ImportKind::kRoster;
  std::optional<domain::OrganisationId> within;  // default: the account's organisation
  std::string file_name;
  std::string bytes;
};

// The progress shown of a job: while this server works on it (`running`), its own count
// `done` of `total` (on SQLite a commit holds the only writer, so the stored count would move
// only when the commit ends); else the stored one. {done, total}.
std::pair<int, int> progress_shown(const storage::ImportJobRecord& r, std::int64_t running, int done, int total);

class ImportJobs {
 public:
  // Marks the jobs a stopped server left checking or committing failed, and starts the worker.
  ImportJobs(storage::Database& db, Registry& registry);
  ~ImportJobs();  // stops the worker: a job under way is left to be found interrupted
  ImportJobs(const ImportJobs&) = delete;
  ImportJobs& operator=(const ImportJobs&) = delete;

  ImportJob Start(const Actor& actor, Upload upload);  // state checking
  ImportJob Job(const Actor& actor, std::int64_t id);
  std::vector<ImportJob> Jobs(const Actor& actor);  // of the last 7 days, newest first
  storage::Page<ImportJobRow> Rows(const Actor& actor, std::int64_t id, const std::optional<std::string>& outcome,
                                   const storage::PageSpec& page);
  Download ErrorWorkbook(const Actor& actor, std::int64_t id);
  ImportJob Commit(const Actor& actor, std::int64_t id, const CommitOptions& options);  // state committing
  void Discard(const Actor& actor, std::int64_t id);

 private:
  struct Task {
    std::int64_t job_id = 0;
    Actor actor;
    ImportKind kind = ImportKind::kRoster;
    domain::OrganisationId within = 0;
    std::string file_name;
    std::optional<CommitOptions> commit;  // absent: the dry run
  };
  ImportReport Judge(const Task& task, const std::string& bytes, const ImportProgress& progress);
  void Work();      // the worker thread
  void WriteProgress();  // the progress thread: progress and liveness into the job's row
  void Run(const Task& task);
  void Enqueue(Task task);
  ImportJob Present(const storage::ImportJobRecord& row) const;
  storage::ImportJobRecord Find(const Actor& actor, std::int64_t id) const;

  storage::Database& db_;
  Registry& registry_;
  Importing importing_;

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> queue_;
  bool stop_ = false;
  std::atomic<bool> stopping_{false};
  std::atomic<std::int64_t> running_{0};  // the job being worked on here
  std::atomic<int> done_{0}, total_{0};
  std::thread worker_, reporter_;
};

}  // namespace jinguo::services
