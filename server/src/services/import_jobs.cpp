#include "services/import_jobs.h"

#include <malloc.h>

#include <chrono>
#include <map>
#include <stdexcept>

#include <spdlog/spdlog.h>

#include "documents/error_workbook.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/archive_importing.h"
#include "services/crypto.h"

namespace jinguo::services {

namespace {

constexpr long long kAliveSeconds = 120;        // a job not alive for this long was interrupted
constexpr long long kKeptSeconds = 7 * 86400;   // jobs are kept a week
constexpr auto kProgressEvery = std::chrono::milliseconds(300);
constexpr auto kAliveEvery = std::chrono::seconds(30);

constexpr const char* kChecking = "checking";
constexpr const char* kChecked = "checked";
constexpr const char* kCommitting = "committing";
constexpr const char* kCommitted = "committed";
constexpr const char* kRefused = "refused";
constexpr const char* kFailed = "failed";

const ImportJobError kInterrupted{"import_interrupted", "处理中断，请重新上传", "the work was interrupted: upload again"};

// Thrown by the progress callback when the server stops: the transaction under way rolls
// back, and the job is left to be found interrupted.
struct Stopping : std::runtime_error {
  Stopping() : std::runtime_error("the server stops") {}
};

bool busy(const std::string& state) { return state == kChecking || state == kCommitting; }

// The Chinese label of a person's field, as the forms name it.
std::string field_label(const std::string& field) {
  static const std::map<std::string, std::string, std::less<>> kLabels = {
      {"name", "姓名"},       {"ethnicity", "民族"},  {"political_status", "政治面貌"},
      {"education", "文化程度"}, {"work_unit", "工作单位"}, {"job_title", "职务"},
      {"mobile", "手机"},     {"office_phone", "办公电话"}, {"notes", "备注"},
      {"start_on", "任职时间"}, {"manner", "任职方式"}, {"source", "来源"}};  // the last three: of her position
  auto it = kLabels.find(field);
  return it == kLabels.end() ? field : it->second;
}

std::string outcome_label(std::string_view outcome) {
  if (outcome == "create") return "新增";
  if (outcome == "update") return "更新";
  if (outcome == "unchanged") return "未变";
  return "错误";
}

nlohmann::json summary_of(const ImportReport& r) {
  nlohmann::json bodies = nlohmann::json::array();
  for (const auto& b : r.bodies)
    bodies.push_back({{"organisation_id", b.organisation_id}, {"organisation_name", b.organisation_name},
                      {"members", b.members}});
  return {{"sheet", r.sheet},
          {"header_row", r.header_row},
          {"rows", r.rows},
          {"valid", r.valid},
          {"invalid", r.invalid},
          {"created_people", r.created_people},
          {"updated_people", r.updated_people},
          {"updated_positions", r.updated_positions},
          {"created_positions", r.created_positions},
          {"created_entries", r.created_entries},
          {"updated_entries", r.updated_entries},
          {"unchanged", r.unchanged},
          {"warnings", r.warnings},
          {"committed", r.committed},
          {"bodies", std::move(bodies)}};
}

// Each row of the report with its errors (grouped by row), as stored. The report's rows are
// let go as they are turned into records: 100,000 of them are tens of megabytes.
std::vector<storage::ImportRowRecord> rows_of(ImportReport& r) {
  std::map<std::uint32_t, nlohmann::json> errors;
  for (const auto& e : r.errors)
    errors[e.row].push_back(
        {{"column", e.column}, {"code", e.code}, {"message", e.message}, {"message_en", e.message_en}});
  std::vector<storage::ImportRowRecord> out;
  out.reserve(r.results.size());
  for (auto& row : r.results) {
    nlohmann::json changes = nlohmann::json::array();
    for (const auto& c : row.person_changes)
      changes.push_back({{"field", c.field}, {"label", field_label(c.field)}, {"before", c.before}, {"after", c.after}});
    nlohmann::json position_changes = nlohmann::json::array();
    for (const auto& c : row.position_changes)
      position_changes.push_back(
          {{"field", c.field}, {"label", field_label(c.field)}, {"before", c.before}, {"after", c.after}});
    auto found = errors.find(row.row);
    nlohmann::json detail = {{"name", row.name},
                             {"creates_person", row.creates_person},
                             {"person_changes", std::move(changes)},
                             {"creates_position", row.creates_position},
                             {"position_changes", std::move(position_changes)},
                             {"organisation", row.organisation ? nlohmann::json(*row.organisation) : nullptr},
                             {"role", row.role_label ? nlohmann::json(*row.role_label) : nullptr},
                             {"errors", found == errors.end() ? nlohmann::json::array() : std::move(found->second)}};
    out.push_back({row.row, std::string(outcome_code(row.outcome)), detail.dump()});
    row = ImportRow{};
  }
  std::vector<ImportRow>().swap(r.results);
  return out;
}

domain::DomainError not_ready() {
  return domain::conflict("import_not_ready", "", "文件还在检查中，请稍候", "the file is still being checked");
}

domain::DomainError wrong_state(const std::string& state) {
  static const std::map<std::string, std::pair<std::string, std::string>, std::less<>> kWhy = {
      {kChecking, {"文件还在检查中，请稍候", "the file is still being checked"}},
      {kCommitting, {"正在导入，请稍候", "the import is being committed"}},
      {kCommitted, {"该文件已导入", "the file has been imported"}},
      {kFailed, {"该文件无法导入，请修改后重新上传", "the file cannot be imported: correct it and upload again"}}};
  auto it = kWhy.find(state);
  auto [zh, en] = it == kWhy.end() ? std::pair<std::string, std::string>{"当前状态下不能这样操作", "not in this state"}
                                   : it->second;
  return domain::conflict("import_state", "", zh, en);
}

std::int64_t account_of(const Actor& actor) {
  if (!actor.account_id)
    throw domain::forbidden("account_required", "", "请登录后上传", "uploads belong to a signed-in account");
  return *actor.account_id;
}


// The column (1-based) of a heading in the heading row, as the file has it; 0 if none.
std::uint32_t column_of(const documents::Sheet& sheet, std::uint32_t header_row, const std::string& heading) {
  if (heading.empty()) return 0;
  auto squeezed = [](std::string_view s) {
    std::string out;
    for (char c : s)
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
    return out;
  };
  for (const auto& row : sheet.rows) {
    if (row.number != header_row) continue;
    for (const auto& cell : row.cells)
      if (cell.kind == documents::CellKind::kText && (cell.text == heading || squeezed(cell.text) == squeezed(heading)))
        return cell.column;
  }
  return 0;
}

// The job's stored rows as the workbook's annotations: outcome, messages, faulty cells.
std::vector<documents::RowAnnotation> annotations_of(const documents::Sheet& sheet, std::uint32_t header_row,
                                                     const std::vector<storage::ImportRowRecord>& rows) {
  std::vector<documents::RowAnnotation> out;
  out.reserve(rows.size());
  for (const auto& r : rows) {
    documents::RowAnnotation a;
    a.row = static_cast<std::uint32_t>(r.row);
    a.outcome = outcome_label(r.outcome);
    const auto detail = nlohmann::json::parse(r.detail);
    for (const auto& e : detail.value("errors", nlohmann::json::array())) {
      const std::string column = e.value("column", ""), message = e.value("message", "");
      a.messages.push_back(column.empty() ? message : column + "：" + message);
      if (auto c = column_of(sheet, header_row, column)) a.faulty.push_back({c, message});
    }
    out.push_back(std::move(a));
  }
  return out;
}

std::string stem_of(const std::string& file_name) {
  auto dot = file_name.rfind('.');
  return dot == std::string::npos || dot == 0 ? file_name : file_name.substr(0, dot);
}

}  // namespace

domain::DomainError file_too_large() {
  return {domain::ErrorKind::kTooLarge, "file_too_large", "file", "文件超过20 MB上限，请拆分后分批上传",
          "the file is larger than 20 MiB"};
}

ImportJobs::ImportJobs(storage::Database& db, Registry& registry)
    : db_(db), registry_(registry), importing_(db, registry) {
  const long long failed = db_.write([&](storage::WriteTx& tx) {
    return storage::ImportRepository(tx).fail_stale(std::nullopt, domain::utc_timestamp_seconds_ago(kAliveSeconds),
                                                    kInterrupted.code, kInterrupted.message, kInterrupted.message_en,
                                                    domain::utc_timestamp_now());
  });
  if (failed > 0) spdlog::warn("imports: {} job(s) left unfinished by a stopped server marked failed", failed);
  worker_ = std::thread([this] { Work(); });
  reporter_ = std::thread([this] { WriteProgress(); });
}

ImportJobs::~ImportJobs() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  stopping_ = true;
  wake_.notify_all();
  worker_.join();
  reporter_.join();
}

ImportJob ImportJobs::Start(const Actor& actor, Upload upload) {
  domain::require(actor.role, domain::Permission::kWrite);
  const std::int64_t account = account_of(actor);
  if (upload.bytes.size() > kMaxUploadBytes)
    throw file_too_large();
  if (upload.bytes.empty())
    throw domain::invalid("file_empty", "file", "文件是空的，请选择要导入的表格", "the file is empty");
  if (!upload.within) upload.within = actor.organisation_id;
  if (!upload.within)
    throw domain::invalid("required", "within", "请指定导入到哪个组织", "the organisation to import into is required");
  registry_.Organisation(actor, *upload.within);  // 404 outside the scope
  if (upload.file_name.empty()) upload.file_name = "upload.xlsx";

  storage::NewImportJob job{account,
                            *upload.within,
                            std::string(import_kind_code(upload.kind)),
                            upload.file_name,
                            static_cast<std::int64_t>(upload.bytes.size()),
                            sha256_hex(upload.bytes),
                            to_base64(upload.bytes)};
  upload.bytes.clear();
  const std::int64_t id = db_.write([&](storage::WriteTx& tx) {
    storage::ImportRepository repo(tx);
    const std::string now = domain::utc_timestamp_now();
    repo.remove_created_before(domain::utc_timestamp_seconds_ago(kKeptSeconds));
    repo.fail_stale(account, domain::utc_timestamp_seconds_ago(kAliveSeconds), kInterrupted.code, kInterrupted.message,
                    kInterrupted.message_en, now);
    return repo.insert(job, now);  // import_busy when another is checking or committing
  });
  spdlog::info("import {}: uploaded by account {}, {} bytes, sha256 {}", id, account, job.size, job.sha256);
  ImportJob started = Job(actor, id);  // as stored: checking, before the worker can change it
  Enqueue({id, actor, upload.kind, *upload.within, upload.file_name, std::nullopt});
  return started;
}

ImportJob ImportJobs::Job(const Actor& actor, std::int64_t id) { return Present(Find(actor, id)); }

std::vector<ImportJob> ImportJobs::Jobs(const Actor& actor) {
  const std::int64_t account = account_of(actor);
  auto rows = db_.read([&](storage::ReadTx& tx) {
    return storage::ImportRepository(tx).of_account(account, domain::utc_timestamp_seconds_ago(kKeptSeconds));
  });
  std::vector<ImportJob> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(Present(r));
  return out;
}

storage::Page<ImportJobRow> ImportJobs::Rows(const Actor& actor, std::int64_t id,
                                             const std::optional<std::string>& outcome, const storage::PageSpec& page) {
  const ImportJob job = Job(actor, id);
  if (job.state == kChecking) throw not_ready();
  if (outcome && *outcome != "create" && *outcome != "update" && *outcome != "unchanged" && *outcome != "error")
    throw domain::malformed("invalid_parameter", "outcome", "outcome参数应为create、update、unchanged或error",
                            "outcome is create, update, unchanged or error");
  auto stored = db_.read([&](storage::ReadTx& tx) { return storage::ImportRepository(tx).rows(id, outcome, page); });
  storage::Page<ImportJobRow> out;
  out.total = stored.total;
  for (auto& r : stored.items) out.items.push_back({r.row, std::move(r.outcome), nlohmann::json::parse(r.detail)});
  return out;
}

Download ImportJobs::ErrorWorkbook(const Actor& actor, std::int64_t id) {
  const ImportJob job = Job(actor, id);
  if (job.state == kChecking) throw not_ready();
  if (job.state == kFailed && job.error && job.error->code != kInterrupted.code)
    throw domain::invalid(job.error->code, "file", job.error->message, job.error->message_en);
  if (!job.report) throw not_ready();  // interrupted before the first judgement
  auto [content, rows] = db_.read([&](storage::ReadTx& tx) {
    storage::ImportRepository repo(tx);
    return std::pair{repo.content(id), repo.all_rows(id)};
  });
  if (!content)
    throw domain::conflict("import_file_removed", "", "导入后文件已删除，无法生成错误表格",
                           "the file was removed when it was imported");
  const documents::Workbook book = documents::read_spreadsheet(from_base64(*content), job.file_name);
  const std::string sheet_name = job.report->value("sheet", "");
  const auto header_row = job.report->value("header_row", std::uint32_t{0});
  for (const auto& sheet : book.sheets) {
    if (sheet.name != sheet_name) continue;
    return {stem_of(job.file_name) + "_导入检查.xlsx",
            documents::write_error_workbook(sheet, header_row, annotations_of(sheet, header_row, rows))};
  }
  throw domain::invalid("import_no_header", "file", "文件中找不到要导入的工作表", "the sheet imported is not in the file");
}

ImportJob ImportJobs::Commit(const Actor& actor, std::int64_t id, const CommitOptions& options) {
  domain::require(actor.role, domain::Permission::kWrite);
  if (options.override_reason && domain::trim(*options.override_reason).empty())
    throw domain::invalid("override_reason", "override_reason", "请填写越过配备标准的理由",
                          "the reason for the override is required");
  const storage::ImportJobRecord found = Find(actor, id);
  const ImportJob job = Present(found);
  if (job.state != kChecked && job.state != kRefused) throw wrong_state(job.state);
  const bool started = db_.write([&](storage::WriteTx& tx) {
    return storage::ImportRepository(tx).begin_commit(id, domain::utc_timestamp_now());  // import_busy: another
  });
  if (!started) throw wrong_state(Job(actor, id).state);  // changed meanwhile
  spdlog::info("import {}: commit requested by account {}", id, found.account_id);
  ImportJob committing = Job(actor, id);
  Enqueue({id, actor, *parse_import_kind(found.kind), found.organisation_id, found.file_name, options});
  return committing;
}

void ImportJobs::Discard(const Actor& actor, std::int64_t id) {
  domain::require(actor.role, domain::Permission::kWrite);
  const ImportJob job = Job(actor, id);
  if (job.state == kCommitting) throw wrong_state(job.state);
  db_.write([&](storage::WriteTx& tx) { storage::ImportRepository(tx).remove(id); });
  spdlog::info("import {}: deleted", id);
}

storage::ImportJobRecord ImportJobs::Find(const Actor& actor, std::int64_t id) const {
  const std::int64_t account = account_of(actor);
  auto row = db_.read([&](storage::ReadTx& tx) { return storage::ImportRepository(tx).find(id, account); });
  if (!row) throw domain::not_found("", "导入任务不存在", "no such import");
  return *row;
}

std::pair<int, int> progress_shown(const storage::ImportJobRecord& r, std::int64_t running, int done, int total) {
  if (busy(r.state) && r.id == running && total > 0) return {done, total};
  return {r.progress_done, r.progress_total};
}

ImportJob ImportJobs::Present(const storage::ImportJobRecord& r) const {
  const auto [done, total] = progress_shown(r, running_, done_, total_);
  ImportJob job{r.id,
                r.kind,
                r.state,
                r.file_name,
                r.size,
                r.sha256,
                r.organisation_id,
                r.organisation_name,
                done,
                total,
                std::nullopt,
                std::nullopt,
                r.created_at,
                r.updated_at};
  if (r.report) job.report = nlohmann::json::parse(*r.report);
  if (r.error_code) job.error = ImportJobError{*r.error_code, r.error_message.value_or(""), r.error_message_en.value_or("")};
  // Left checking or committing by a server that stopped: no sign of life for two minutes.
  if (busy(r.state) && r.id != running_ && r.updated_at < domain::utc_timestamp_seconds_ago(kAliveSeconds)) {
    job.state = kFailed;
    job.error = kInterrupted;
  }
  return job;
}

void ImportJobs::Enqueue(Task task) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(task));
  }
  wake_.notify_all();
}

ImportReport ImportJobs::Judge(const Task& task, const std::string& bytes, const ImportProgress& progress) {
  if (task.kind != ImportKind::kRoster) {  // the survey archives
    ArchiveImporting archives(db_, registry_, task.kind);
    return task.commit ? archives.Commit(task.actor, bytes, task.file_name, task.within, *task.commit, progress)
                       : archives.DryRun(task.actor, bytes, task.file_name, task.within, progress);
  }
  return task.commit ? importing_.Commit(task.actor, bytes, task.file_name, task.within, *task.commit, progress)
                     : importing_.DryRun(task.actor, bytes, task.file_name, task.within, progress);
}

void ImportJobs::Work() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      task = std::move(queue_.front());
      queue_.pop_front();
      done_ = 0;
      total_ = 0;
      running_ = task.job_id;
    }
    try {
      Run(task);
    } catch (const Stopping&) {
      spdlog::warn("import {}: left unfinished as the server stops", task.job_id);
    } catch (const std::exception& e) {
      spdlog::error("import {}: {}", task.job_id, e.what());
    }
    task = {};
    ::malloc_trim(0);  // the job's memory back to the system: a server would otherwise keep its peak
    running_ = 0;
  }
}

void ImportJobs::Run(const Task& task) {
  std::string bytes;
  {
    auto content = db_.read([&](storage::ReadTx& tx) { return storage::ImportRepository(tx).content(task.job_id); });
    if (!content) return;  // deleted meanwhile
    bytes = from_base64(*content);
  }  // the base64 text goes before the work begins
  const auto progress = [this](int done, int total) {
    if (stopping_) throw Stopping{};
    done_ = done;
    total_ = total;
  };
  storage::ImportJobEnd end;
  std::vector<storage::ImportRowRecord> rows;
  bool keep_rows = false;
  bool ended = false;  // the job's end already written, in the transaction that stored its rows
  const auto judged = [&](ImportReport& report) {
    done_ = report.rows;
    total_ = report.rows;
    end.report = summary_of(report).dump();
    rows = rows_of(report);
    keep_rows = true;
    if (!task.commit) {
      end.state = kChecked;
    } else if (report.committed) {
      end.state = kCommitted;
      end.drop_content = true;  // personal data: the file goes once it is stored
    } else {
      auto why = why_not_imported(report, task.commit->skip_invalid);
      end.state = kRefused;
      end.error_code = std::move(why.code);
      end.error_message = std::move(why.message_zh);
      end.error_message_en = std::move(why.message_en);
    }
  };
  const auto write_end = [&](storage::WriteTx& tx) {
    storage::ImportRepository repo(tx);
    if (!repo.find(task.job_id, *task.actor.account_id)) return;  // deleted meanwhile
    if (keep_rows) repo.replace_rows(task.job_id, rows);
    repo.set_progress(task.job_id, done_, total_, domain::utc_timestamp_now());
    repo.finish(task.job_id, end, domain::utc_timestamp_now());
  };
  Task judging = task;
  // A commit (a roster or a survey archive) marks the job committed in the transaction that
  // stores its rows: a server killed in between would otherwise leave stored rows under a job
  // still committing (later shown as interrupted, the file's personal data kept).
  if (judging.commit)
    judging.commit->on_stored = [&](storage::WriteTx& tx, ImportReport& report) {
      judged(report);
      write_end(tx);
      ended = true;
    };
  try {
    ImportReport report = Judge(judging, bytes, progress);
    if (!ended) judged(report);
    spdlog::info("import {}: {} ({} rows, {} valid, {} invalid, sha256 {})", task.job_id, end.state, report.rows,
                 report.valid, report.invalid, report.sha256);
  } catch (const domain::DomainError& e) {
    // The file cannot be read (a dry run), or the commit was refused as a whole (its end,
    // if written, rolled back with it).
    ended = false;
    keep_rows = false;
    end = {};
    end.state = task.commit ? kRefused : kFailed;
    end.error_code = e.code();
    end.error_message = e.message_zh();
    end.error_message_en = e.message_en();
    spdlog::info("import {}: {} ({})", task.job_id, end.state, e.code());
  }
  if (!ended) db_.write(write_end);
}

void ImportJobs::WriteProgress() {
  std::int64_t job = 0;
  int written = -1;
  auto alive_at = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, kProgressEvery);
    if (stop_) return;
    const std::int64_t running = running_;
    const int done = done_, total = total_;
    if (running != job) {
      job = running;
      written = -1;
    }
    // Every half minute the jobs waiting their turn are alive too.
    const auto now = std::chrono::steady_clock::now();
    const bool alive_due = now - alive_at >= kAliveEvery;
    std::vector<std::int64_t> waiting;
    if (alive_due) {
      alive_at = now;
      for (const auto& t : queue_) waiting.push_back(t.job_id);
    }
    const bool progress_due = running != 0 && (done != written || alive_due);
    if (!progress_due && waiting.empty()) continue;
    lock.unlock();
    try {
      db_.write([&](storage::WriteTx& tx) {
        storage::ImportRepository repo(tx);
        const std::string at = domain::utc_timestamp_now();
        if (progress_due) repo.set_progress(running, done, total, at);
        for (std::int64_t id : waiting) repo.touch(id, at);
      });
      written = done;
    } catch (const std::exception& e) {
      spdlog::warn("imports: progress not written: {}", e.what());
    }
    lock.lock();
  }
}

}  // namespace jinguo::services
