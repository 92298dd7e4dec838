#include "storage/connection.h"

#include <optional>

#include <charconv>
#include <stdexcept>
#include <vector>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

namespace jinguo::storage {

namespace {

namespace sq = ::sqlite_api;

// Errors carry the driver's message, as SOCI's do, so that rethrow_mapped (database.cpp)
// recognises a violated constraint by its name whichever way the statement ran.
[[noreturn]] void fail(const std::string& message) { throw soci::soci_error(message); }

// "$1" → "?1": SQLite binds ?NNN to parameter NNN exactly.
std::string sqlite_placeholders(std::string_view sql) {
  std::string out(sql);
  for (std::size_t i = 0; i + 1 < out.size(); ++i)
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  return out;
}

class SqliteStatement final : public PreparedStatement {
 public:
  SqliteStatement(sq::sqlite3* db, std::string_view sql, bool keep) : db_(db) {
    std::string text = sqlite_placeholders(sql);
    // "INSERT … RETURNING id" makes SQLite collect the returned row in a temporary table per
    // insert; the new row's id is read with sqlite3_last_insert_rowid instead (a 100,000-row
    // import: 8.4 → 7.x s).
    constexpr std::string_view kReturningId = " RETURNING id";
    // Only a plain INSERT: with ON CONFLICT … DO NOTHING the last rowid could be an older row's.
    if (text.starts_with("INSERT INTO ") && text.ends_with(kReturningId) &&
        text.find(" ON CONFLICT ") == std::string::npos) {
      text.resize(text.size() - kReturningId.size());
      returns_rowid_ = true;
    }
    if (sq::sqlite3_prepare_v3(db_, text.c_str(), static_cast<int>(text.size()), keep ? SQLITE_PREPARE_PERSISTENT : 0,
                               &statement_, nullptr) != SQLITE_OK)
      fail(sq::sqlite3_errmsg(db_));
  }
  ~SqliteStatement() override { sq::sqlite3_finalize(statement_); }

  void bind_integer(int index, std::int64_t value) override {
    check(sq::sqlite3_bind_int64(statement_, index, value));
  }
  void bind_text(int index, std::string_view value) override {
    check(sq::sqlite3_bind_text(statement_, index, value.data(), static_cast<int>(value.size()),
                                 reinterpret_cast<sq::sqlite3_destructor_type>(-1)));  // SQLITE_TRANSIENT
  }
  void bind_null(int index) override { check(sq::sqlite3_bind_null(statement_, index)); }

  bool step() override {
    if (rowid_) return false;  // the insert ran: its one row was given
    int rc = sq::sqlite3_step(statement_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) {
      changes_ = sq::sqlite3_changes(db_);
      if (returns_rowid_) {  // the one row RETURNING id would have given
        rowid_ = sq::sqlite3_last_insert_rowid(db_);
        return true;
      }
      return false;
    }
    fail(sq::sqlite3_errmsg(db_));
  }
  bool is_null(int column) const override {
    if (rowid_) return false;
    return sq::sqlite3_column_type(statement_, column) == SQLITE_NULL;
  }
  std::int64_t integer(int column) const override {
    if (rowid_) return *rowid_;
    return sq::sqlite3_column_int64(statement_, column);
  }
  std::string_view text(int column) const override {
    const auto* p = reinterpret_cast<const char*>(sq::sqlite3_column_text(statement_, column));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sq::sqlite3_column_bytes(statement_, column))};
  }
  long long affected_rows() const override { return changes_; }
  void reset() override {
    sq::sqlite3_reset(statement_);
    sq::sqlite3_clear_bindings(statement_);
    rowid_.reset();
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) fail(sq::sqlite3_errmsg(db_));
  }
  sq::sqlite3* db_;
  sq::sqlite3_stmt* statement_ = nullptr;
  long long changes_ = 0;
  bool returns_rowid_ = false;
  std::optional<std::int64_t> rowid_;  // after an INSERT that had RETURNING id
};

class PostgresqlStatement final : public PreparedStatement {
 public:
  // name empty: not kept, run with PQexecParams (no prepared statement left behind).
  PostgresqlStatement(PGconn* conn, std::string_view sql, std::string name)
      : conn_(conn), sql_(sql), name_(std::move(name)) {
    if (name_.empty()) return;
    PGresult* r = PQprepare(conn_, name_.c_str(), sql_.c_str(), 0, nullptr);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string message = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    if (!ok) fail(message);
  }
  ~PostgresqlStatement() override { PQclear(result_); }

  void bind_integer(int index, std::int64_t value) override { slot(index) = std::to_string(value); }
  void bind_text(int index, std::string_view value) override { slot(index).assign(value); }
  void bind_null(int index) override {
    slot(index).clear();
    null_[static_cast<std::size_t>(index - 1)] = true;
  }

  bool step() override {
    if (!result_) execute();
    return ++row_ < rows_;
  }
  bool is_null(int column) const override { return PQgetisnull(result_, row_, column) != 0; }
  std::int64_t integer(int column) const override {
    std::string_view t = text(column);
    if (t == "t") return 1;
    if (t == "f") return 0;
    std::int64_t v = 0;
    std::from_chars(t.data(), t.data() + t.size(), v);
    return v;
  }
  std::string_view text(int column) const override {
    return {PQgetvalue(result_, row_, column), static_cast<std::size_t>(PQgetlength(result_, row_, column))};
  }
  long long affected_rows() const override {
    const char* n = result_ ? PQcmdTuples(result_) : "";
    return *n ? std::stoll(n) : 0;
  }
  void reset() override {
    PQclear(result_);
    result_ = nullptr;
    values_.clear();
    null_.clear();
    row_ = -1;
    rows_ = 0;
  }

 private:
  std::string& slot(int index) {
    auto i = static_cast<std::size_t>(index - 1);
    if (values_.size() <= i) {
      values_.resize(i + 1);
      null_.resize(i + 1, false);
    }
    null_[i] = false;
    return values_[i];
  }
  void execute() {
    std::vector<const char*> params(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) params[i] = null_[i] ? nullptr : values_[i].c_str();
    const int n = static_cast<int>(params.size());
    result_ = name_.empty() ? PQexecParams(conn_, sql_.c_str(), n, nullptr, params.data(), nullptr, nullptr, 0)
                            : PQexecPrepared(conn_, name_.c_str(), n, params.data(), nullptr, nullptr, 0);
    ExecStatusType status = PQresultStatus(result_);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      std::string message = PQresultErrorMessage(result_);
      PQclear(result_);
      result_ = nullptr;
      fail(message);
    }
    rows_ = PQntuples(result_);
    row_ = -1;
  }

  PGconn* conn_;
  std::string sql_, name_;
  std::vector<std::string> values_;
  std::vector<bool> null_;
  PGresult* result_ = nullptr;
  int row_ = -1, rows_ = 0;
};

}  // namespace

Statement::~Statement() {
  if (!prepared_) return;
  prepared_->reset();
  prepared_->busy = false;
}

Statement& Statement::bind(std::int64_t value) {
  prepared_->bind_integer(next_++, value);
  return *this;
}

Statement& Statement::bind(std::string_view value) {
  prepared_->bind_text(next_++, value);
  return *this;
}

Statement& Statement::bind_null() {
  prepared_->bind_null(next_++);
  return *this;
}

bool Statement::boolean(int column) const { return integer(column) != 0; }

std::optional<std::string> Statement::nullable_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return std::string(text(column));
}

domain::Date Statement::date(int column) const {
  std::string_view t = text(column);
  auto d = domain::Date::parse(t.substr(0, 10));
  if (!d) throw std::runtime_error("stored date is malformed: " + std::string(t));
  return *d;
}

std::optional<domain::Date> Statement::nullable_date(int column) const {
  if (is_null(column)) return std::nullopt;
  return date(column);
}

std::optional<std::int64_t> Statement::nullable_integer(int column) const {
  if (is_null(column)) return std::nullopt;
  return integer(column);
}

Connection::Connection(soci::session& sql, Backend backend) : sql_(sql), backend_(backend) {
  if (backend_ == Backend::kSqlite)
    native_ = static_cast<soci::sqlite3_session_backend*>(sql_.get_backend())->conn_;
  else
    native_ = static_cast<soci::postgresql_session_backend*>(sql_.get_backend())->conn_;
}

Connection::~Connection() = default;

std::unique_ptr<PreparedStatement> Connection::make(std::string_view sql, bool keep) {
  if (backend_ == Backend::kSqlite)
    return std::make_unique<SqliteStatement>(static_cast<sq::sqlite3*>(native_), sql, keep);
  return std::make_unique<PostgresqlStatement>(static_cast<PGconn*>(native_), sql,
                                               keep ? "jinguo_" + std::to_string(++names_) : std::string());
}

Statement Connection::prepare(std::string_view sql, Keep keep) {
  if (keep == Keep::kYes) {
    auto found = cache_.find(sql);
    if (found != cache_.end() && !found->second->busy) return Statement(*found->second);
    if (found == cache_.end() && cache_.size() < kMaxCached)
      return Statement(*cache_.emplace(std::string(sql), make(sql, true)).first->second);
  }
  // For this use only: a text that varies, the kept one busy (a nested query), a full cache.
  auto once = make(sql, false);
  PreparedStatement& p = *once;
  return Statement(p, std::move(once));
}

void Connection::execute(std::string_view sql) {
  if (backend_ == Backend::kSqlite) {
    prepare(sql).run();
    return;
  }
  std::string text(sql);
  PGresult* r = PQexec(static_cast<PGconn*>(native_), text.c_str());
  ExecStatusType status = PQresultStatus(r);
  std::string message = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? "" : PQresultErrorMessage(r);
  PQclear(r);
  if (!message.empty()) fail(message);
}

}  // namespace jinguo::storage
