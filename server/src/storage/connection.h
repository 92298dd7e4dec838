#pragma once
// One pooled database connection with its prepared statements. The requests every page
// makes (the session, the scope check, a roster, a page of bodies) run through
// Statement: prepared once per connection and kept, on SQLite a sqlite3_stmt and on
// PostgreSQL a named prepared statement, with values read straight from the driver's
// buffers. Preparing was a quarter of a roster request's CPU time through SOCI, which
// prepares every statement again each time it runs (bench/README.md).
//
// SQL for a Statement numbers its parameters $1, $2, ... on both databases.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <soci/soci.h>

#include "domain/date.h"
#include "storage/registry_changes.h"

namespace jinguo::storage {

enum class Backend { kSqlite, kPostgresql };

// A statement of one backend: implemented in connection.cpp for SQLite and PostgreSQL.
class PreparedStatement {
 public:
  virtual ~PreparedStatement() = default;
  virtual void bind_integer(int index, std::int64_t value) = 0;  // index from 1
  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_null(int index) = 0;
  virtual bool step() = 0;  // runs on the first call; true while there is a row
  virtual bool is_null(int column) const = 0;  // column from 0
  virtual std::int64_t integer(int column) const = 0;
  virtual std::string_view text(int column) const = 0;
  virtual long long affected_rows() const = 0;
  virtual void reset() = 0;  // ready to bind and run again; frees the result

  bool busy = false;  // a Statement holds it
};

// A prepared statement in use: bind the parameters in order, then step through the rows.
// Gives the statement back (reset) when it goes out of scope.
class Statement {
 public:
  Statement(PreparedStatement& prepared, std::unique_ptr<PreparedStatement> owned = nullptr)
      : prepared_(&prepared), owned_(std::move(owned)) {
    prepared_->busy = true;
  }
  Statement(Statement&& other) noexcept
      : prepared_(other.prepared_), owned_(std::move(other.owned_)), next_(other.next_) {
    other.prepared_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& bind(std::int64_t value);
  Statement& bind(int value) { return bind(static_cast<std::int64_t>(value)); }
  Statement& bind(std::string_view value);
  Statement& bind(const std::string& value) { return bind(std::string_view(value)); }
  Statement& bind(const char* value) { return bind(std::string_view(value)); }
  Statement& bind(const domain::Date& value) { return bind(std::string_view(value.iso())); }
  Statement& bind_null();
  template <class T>
  Statement& bind(const std::optional<T>& value) {
    return value ? bind(*value) : bind_null();
  }

  bool step() { return prepared_->step(); }
  void run() { prepared_->step(); }  // a statement that returns no rows
  long long affected_rows() const { return prepared_->affected_rows(); }

  bool is_null(int column) const { return prepared_->is_null(column); }
  std::int64_t integer(int column) const { return prepared_->integer(column); }
  bool boolean(int column) const;  // 0/1 (and t/f)
  std::string_view text(int column) const { return prepared_->text(column); }
  std::string string(int column) const { return std::string(prepared_->text(column)); }
  std::optional<std::string> nullable_text(int column) const;
  domain::Date date(int column) const;
  std::optional<domain::Date> nullable_date(int column) const;
  std::optional<std::int64_t> nullable_integer(int column) const;

 private:
  PreparedStatement* prepared_;
  std::unique_ptr<PreparedStatement> owned_;  // a statement outside the cache
  int next_ = 1;
};

// Parameters collected while a statement's text is built from fragments: add() returns
// the placeholder to write ($1, $2, ...), bind() binds the values in that order.
class Binds {
 public:
  std::string add(std::string value) { return push({false, 0, std::move(value)}); }
  std::string add(std::int64_t value) { return push({true, value, {}}); }
  void bind(Statement& statement) const {
    for (const auto& v : values_) v.integer ? statement.bind(v.number) : statement.bind(v.text);
  }

 private:
  struct Value {
    bool integer;
    std::int64_t number;
    std::string text;
  };
  std::string push(Value value) {
    values_.push_back(std::move(value));
    return "$" + std::to_string(values_.size());
  }
  std::vector<Value> values_;
};

enum class Keep { kYes, kNo };  // kNo: a statement whose text varies (an id list)

class Connection {
 public:
  Connection(soci::session& sql, Backend backend);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  soci::session& sql() { return sql_; }
  Backend backend() const { return backend_; }

  // The statement for this SQL, prepared on first use and kept (up to kMaxCached). When
  // the kept one is in use (a nested query) or the cache is full, one prepared for this use.
  Statement prepare(std::string_view sql, Keep keep = Keep::kYes);
  // BEGIN, COMMIT, ROLLBACK and the like: no parameters, no rows.
  void execute(std::string_view sql);
  // What the transaction on this connection touched in the registry (the change feed).
  RegistryTouches& touches() { return touches_; }

  static constexpr std::size_t kMaxCached = 128;

 private:
  std::unique_ptr<PreparedStatement> make(std::string_view sql, bool keep);

  soci::session& sql_;
  Backend backend_;
  void* native_;  // sqlite3* or PGconn*
  // Looked up by the SQL text as given (no copy of it per call: this is every request).
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, std::unique_ptr<PreparedStatement>, TextHash, std::equal_to<>> cache_;
  std::size_t names_ = 0;  // PostgreSQL statement names
  RegistryTouches touches_;
};

}  // namespace jinguo::storage
