#pragma once
// The database: a pool of SOCI sessions on SQLite or PostgreSQL. The unit of work owns
// the transaction: db.write([&](WriteTx& tx) { ... }) commits when the function returns
// and rolls back when it throws; a violated constraint is mapped by its name to a
// DomainError. SQLite allows one writer at a time; writes are serialised here.
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <soci/soci.h>

#include "storage/connection.h"

namespace jinguo::storage {

struct DatabaseConfig {
  // A SQLite file path (or "sqlite:PATH"), or a PostgreSQL connection string:
  // "postgresql://user@host:5432/db" or "host=/tmp/pg port=5432 dbname=jinguo".
  std::string url;
  std::size_t pool_size = 8;
  // SQLite: each connection's page cache (PRAGMA cache_size = -KiB), kept for the connection's
  // life; the pool holds pool_size of them. 2000: SQLite's own default (the server's is
  // app::Config::sqlite_cache_kib).
  int sqlite_cache_kib = 2000;
};

Backend backend_of(std::string_view url);

// A transaction on one pooled connection. Repositories take it (see repositories.h): SOCI
// for most statements, prepare() for the hot ones (connection.h).
class ReadTx {
 public:
  explicit ReadTx(Connection& connection) : connection_(connection) {}
  soci::session& sql() const { return connection_.sql(); }
  Backend backend() const { return connection_.backend(); }
  Statement prepare(std::string_view sql, Keep keep = Keep::kYes) const { return connection_.prepare(sql, keep); }
  // Notes an organisation, person or position this transaction changed: listed in the
  // registry's change feed when it commits (registry_changes.h).
  void touched(RegistryEntity entity, std::int64_t id) const { connection_.touches().add(entity, id); }

 private:
  Connection& connection_;
};

class WriteTx : public ReadTx {
 public:
  using ReadTx::ReadTx;
};

class Database {
 public:
  explicit Database(const DatabaseConfig& config);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  Backend backend() const { return backend_; }
  std::string_view backend_name() const;

  // Applies the pending migrations, each in its own transaction; returns their names.
  std::vector<std::string> migrate();
  std::vector<std::string> applied_migrations();
  void ping();  // a trivial query: throws if the database does not answer

  template <class F>
  auto read(F&& f) {
    using Result = std::invoke_result_t<F, ReadTx&>;
    if constexpr (std::is_void_v<Result>) {
      run(false, [&](Connection& c) { ReadTx tx(c); f(tx); });
    } else {
      std::optional<Result> result;
      run(false, [&](Connection& c) { ReadTx tx(c); result.emplace(f(tx)); });
      return std::move(*result);
    }
  }

  // One read statement outside an explicit transaction (autocommit): for the lookup done
  // on every request (the session), where BEGIN and COMMIT would cost more than the query.
  template <class F>
  auto read_one(F&& f) {
    using Result = std::invoke_result_t<F, ReadTx&>;
    std::optional<Result> result;
    run_plain([&](Connection& c) { ReadTx tx(c); result.emplace(f(tx)); });
    return std::move(*result);
  }

  template <class F>
  auto write(F&& f) {
    using Result = std::invoke_result_t<F, WriteTx&>;
    if constexpr (std::is_void_v<Result>) {
      run(true, [&](Connection& c) { WriteTx tx(c); f(tx); });
    } else {
      std::optional<Result> result;
      run(true, [&](Connection& c) { WriteTx tx(c); result.emplace(f(tx)); });
      return std::move(*result);
    }
  }

  // A pooled session held by the caller, outside any transaction: the bulk importer
  // manages its own transactions on it.
  std::unique_ptr<soci::session> dedicated_session() { return std::make_unique<soci::session>(*pool_); }

 private:
  class Lease;
  void run(bool writing, const std::function<void(Connection&)>& body);
  void run_plain(const std::function<void(Connection&)>& body);

  Backend backend_;
  std::unique_ptr<soci::connection_pool> pool_;
  std::size_t pool_size_;
  std::vector<std::unique_ptr<Connection>> connections_;  // one per pool slot; closed before the pool
  std::mutex writer_;  // SQLite: one writer at a time
};

// Maps a database error naming one of 0001's constraints or unique indexes to a
// DomainError; rethrows anything else unchanged. Call inside a catch block.
[[noreturn]] void rethrow_mapped(const std::exception& e);

}  // namespace jinguo::storage
