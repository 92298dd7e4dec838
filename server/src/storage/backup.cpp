#include "storage/backup.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "domain/error.h"
#include "storage/database.h"

extern char** environ;

namespace jinguo::storage {

namespace fs = std::filesystem;

namespace {

// The tables whose rows a refusal counts, when the target has them.
constexpr const char* kCountedTables[] = {"organisations", "people", "positions", "accounts"};

[[noreturn]] void fail_internal(const std::string& code, const std::string& zh, const std::string& en) {
  throw domain::DomainError(domain::ErrorKind::kInternal, code, "", zh, en);
}

std::string first_bytes(const fs::path& file, std::size_t n) {
  std::ifstream in(file, std::ios::binary);
  std::string bytes(n, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(n));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// A file given to read: it exists, is a regular file and can be read.
void require_readable(const fs::path& file, const std::string& field) {
  std::error_code ec;
  if (!fs::exists(file, ec))
    throw domain::not_found(field, "文件不存在：" + file.string(), "no such file: " + file.string());
  if (!fs::is_regular_file(file, ec))
    throw domain::invalid("not_a_file", field, "不是普通文件：" + file.string(), "not a regular file: " + file.string());
  if (::access(file.c_str(), R_OK) != 0)
    throw domain::invalid("unreadable", field, "无法读取文件：" + file.string(), "cannot read " + file.string());
}

void require_sqlite_file(const fs::path& file, const std::string& field) {
  require_readable(file, field);
  if (!backup_detail::is_sqlite_header(first_bytes(file, 16)))
    throw domain::invalid("not_sqlite", field, "不是 SQLite 数据库文件：" + file.string(),
                          "not a SQLite database file: " + file.string());
}

// ---------------------------------------------------------------------------------------------
// SQLite

std::string sqlite_file(const std::string& url) { return url.starts_with("sqlite:") ? url.substr(7) : url; }

class Sqlite {
 public:
  Sqlite(const fs::path& file, int flags) {
    int rc = sqlite3_open_v2(file.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
      sqlite3_close(db_);
      db_ = nullptr;
      fail_internal("database_unreachable", "无法打开数据库文件 " + file.string() + "：" + message,
                    "cannot open " + file.string() + ": " + message);
    }
    sqlite3_busy_timeout(db_, 10000);
  }
  ~Sqlite() { sqlite3_close(db_); }
  Sqlite(const Sqlite&) = delete;
  Sqlite& operator=(const Sqlite&) = delete;
  sqlite3* get() const { return db_; }

  void exec(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = error ? error : sqlite3_errmsg(db_);
      sqlite3_free(error);
      fail_internal("sqlite_failed", "SQLite 出错：" + message, "SQLite: " + message + " (" + sql + ")");
    }
  }
  // The first column of every row, as text.
  std::vector<std::string> column(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
      fail_internal("sqlite_failed", std::string("SQLite 出错：") + sqlite3_errmsg(db_),
                    std::string("SQLite: ") + sqlite3_errmsg(db_));
    std::vector<std::string> out;
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
      out.emplace_back(text ? text : "");
    }
    sqlite3_finalize(statement);
    if (rc != SQLITE_DONE)
      fail_internal("sqlite_failed", std::string("SQLite 出错：") + sqlite3_errmsg(db_),
                    std::string("SQLite: ") + sqlite3_errmsg(db_));
    return out;
  }

 private:
  sqlite3* db_ = nullptr;
};

std::string quoted_identifier(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

// What a database holds, read through `db` (Sqlite or PgSession): its tables listed by
// `list_tables`, the rows of the main ones, the newest migration.
template <class Db>
DatabaseContents contents_of(Db& db, const std::string& list_tables) {
  DatabaseContents contents;
  contents.tables = db.column(list_tables);
  auto has = [&](const std::string& table) {
    return std::find(contents.tables.begin(), contents.tables.end(), table) != contents.tables.end();
  };
  for (const char* table : kCountedTables)
    if (has(table))
      contents.rows.emplace_back(table, std::stoll(db.column("SELECT COUNT(*) FROM " + quoted_identifier(table)).at(0)));
  if (has("schema_migrations"))
    contents.schema_version = db.column("SELECT COALESCE(MAX(version), '') FROM schema_migrations").at(0);
  return contents;
}

DatabaseContents sqlite_contents(Sqlite& db) {
  return contents_of(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
                         "ESCAPE '\\' ORDER BY name");
}

// Copies every page of `from` into `to` in steps, sleeping briefly when the target is busy.
std::int64_t copy_pages(sqlite3* from, sqlite3* to, int pages_per_step) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (!backup)
    fail_internal("backup_failed", std::string("备份无法开始：") + sqlite3_errmsg(to),
                  std::string("the backup cannot start: ") + sqlite3_errmsg(to));
  int rc;
  while ((rc = sqlite3_backup_step(backup, pages_per_step)) != SQLITE_DONE) {
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } else if (rc != SQLITE_OK) {
      break;
    }
  }
  const std::int64_t pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    std::string message = sqlite3_errstr(rc);
    fail_internal("backup_failed", "复制数据库页时出错：" + message, "copying the pages failed: " + message);
  }
  return pages;
}

void check_integrity(Sqlite& db, const std::string& what) {
  auto result = db.column("PRAGMA integrity_check");
  if (result.size() != 1 || result[0] != "ok") {
    std::string first = result.empty() ? "" : result[0];
    fail_internal("integrity_check_failed", what + "未通过完整性检查：" + first,
                  what + " fails PRAGMA integrity_check: " + first);
  }
}

// Writes the file's data and its folder's entry to disk.
void sync_file_and_folder(const fs::path& file) {
  for (const fs::path& p : {file, file.parent_path().empty() ? fs::path(".") : file.parent_path()}) {
    int fd = ::open(p.c_str(), O_RDONLY);
    if (fd < 0) continue;
    ::fsync(fd);
    ::close(fd);
  }
}

// A file under a temporary name, removed unless kept.
class TempFile {
 public:
  explicit TempFile(const fs::path& target)
      : path_(target.parent_path() / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()))) {
    remove();
  }
  ~TempFile() {
    if (!kept_) remove();
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const fs::path& path() const { return path_; }
  void rename_to(const fs::path& target) {
    std::error_code ec;
    fs::rename(path_, target, ec);
    if (ec)
      fail_internal("backup_failed", "无法写入 " + target.string() + "：" + ec.message(),
                    "cannot write " + target.string() + ": " + ec.message());
    kept_ = true;
    sync_file_and_folder(target);
  }

 private:
  void remove() {
    std::error_code ec;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) fs::remove(path_.string() + suffix, ec);
  }
  fs::path path_;
  bool kept_ = false;
};

void require_output_folder(const fs::path& out) {
  const fs::path folder = out.parent_path().empty() ? fs::path(".") : out.parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw domain::not_found("output", "输出目录不存在：" + folder.string(), "no such folder: " + folder.string());
  if (fs::is_directory(out, ec))
    throw domain::invalid("output_is_folder", "output", "输出应为文件，而不是目录：" + out.string(),
                          "the output is a folder, not a file: " + out.string());
}

BackupResult backup_sqlite(const std::string& url, const fs::path& out, const BackupOptions& options) {
  const fs::path source_file = sqlite_file(url);
  require_sqlite_file(source_file, "database");
  require_output_folder(out);
  TempFile temp(out);
  BackupResult result;
  {
    // A WAL reader writes the -shm file: read-write, else (a file this user may only read) read-only.
    std::unique_ptr<Sqlite> opened;
    try {
      opened = std::make_unique<Sqlite>(source_file, SQLITE_OPEN_READWRITE);
    } catch (const domain::DomainError&) {
      opened = std::make_unique<Sqlite>(source_file, SQLITE_OPEN_READONLY);
    }
    Sqlite& source = *opened;
    // One read transaction for the whole copy: in WAL mode the server's writers go on, and
    // the steps all read the snapshot of this first read (without it the backup restarts
    // whenever another connection writes, and may never finish under steady writes).
    source.exec("BEGIN");
    source.column("SELECT COUNT(*) FROM sqlite_master");
    Sqlite copy(temp.path(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    result.pages = copy_pages(source.get(), copy.get(), std::max(1, options.pages_per_step));
    source.exec("COMMIT");
    copy.exec("PRAGMA journal_mode = DELETE");  // one self-contained file
    check_integrity(copy, "备份副本");
    auto contents = sqlite_contents(copy);
    result.schema_version = contents.schema_version;
  }
  temp.rename_to(out);
  result.bytes = fs::file_size(out);
  return result;
}

void restore_sqlite(const std::string& url, const fs::path& in, bool force) {
  require_sqlite_file(in, "input");
  const fs::path target_file = sqlite_file(url);
  std::error_code ec;
  {
    Sqlite backup(in, SQLITE_OPEN_READONLY);
    check_integrity(backup, "备份文件");
    if (sqlite_contents(backup).schema_version.empty())
      throw domain::invalid("not_a_backup", "input", "该文件不是 Jinguo 的备份（没有 schema_migrations 表）：" + in.string(),
                            "not a Jinguo backup (no schema_migrations table): " + in.string());
  }
  if (fs::exists(target_file, ec) && fs::file_size(target_file, ec) > 0) {
    if (!backup_detail::is_sqlite_header(first_bytes(target_file, 16)))
      throw domain::invalid("not_sqlite", "database", "目标不是 SQLite 数据库文件，不会覆盖：" + target_file.string(),
                            "the target is not a SQLite database file; not overwritten: " + target_file.string());
    Sqlite target(target_file, SQLITE_OPEN_READWRITE);
    auto contents = sqlite_contents(target);
    if (!contents.empty() && !force)
      throw domain::conflict("target_not_empty", "database",
                             "目标数据库不是空的：" + contents.describe() + "。恢复只写入空数据库；确需覆盖请加 --force",
                             "the target database is not empty: " + contents.describe() +
                                 ". Restore writes into an empty database only; add --force to overwrite it");
  }
  if (!target_file.parent_path().empty()) fs::create_directories(target_file.parent_path(), ec);
  Sqlite backup(in, SQLITE_OPEN_READONLY);
  Sqlite target(target_file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_pages(backup.get(), target.get(), -1);  // all at once: one write transaction on the target
  check_integrity(target, "恢复后的数据库");
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

// The connection string parsed by libpq: the password apart, the rest as key='value' pairs.
struct PgConnection {
  std::string conninfo;   // without the password
  std::string password;   // empty if none given
  std::string full;       // as given (for this process's own connection)
};

PgConnection parse_pg(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    throw domain::invalid("bad_database_url", "database", "数据库连接串无法解析：" + message,
                          "the database connection string cannot be parsed: " + message);
  }
  PgConnection c;
  c.full = url;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    if (!o->val) continue;
    if (std::strcmp(o->keyword, "password") == 0) {
      c.password = o->val;
      continue;
    }
    if (!c.conninfo.empty()) c.conninfo += ' ';
    c.conninfo += std::string(o->keyword) + "=" + backup_detail::conninfo_quoted(o->val);
  }
  PQconninfoFree(options);
  return c;
}

class PgSession {
 public:
  explicit PgSession(const PgConnection& c) {
    // The same string the server would open, with a bounded wait for an unreachable host.
    std::string conninfo = c.conninfo;
    if (!c.password.empty()) conninfo += " password=" + backup_detail::conninfo_quoted(c.password);
    if (conninfo.find("connect_timeout=") == std::string::npos) conninfo += " connect_timeout=10";
    conn_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
      std::string message = PQerrorMessage(conn_);
      while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
      PQfinish(conn_);
      conn_ = nullptr;
      fail_internal("database_unreachable", "无法连接数据库：" + message, "cannot connect to the database: " + message);
    }
  }
  ~PgSession() { PQfinish(conn_); }
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  std::vector<std::string> column(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    ExecStatusType status = PQresultStatus(r);
    if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
      std::string message = PQresultErrorMessage(r);
      PQclear(r);
      fail_internal("postgresql_failed", "PostgreSQL 出错：" + message, "PostgreSQL: " + message);
    }
    std::vector<std::string> out;
    for (int i = 0; i < PQntuples(r); ++i) out.emplace_back(PQgetvalue(r, i, 0));
    PQclear(r);
    return out;
  }

 private:
  PGconn* conn_ = nullptr;
};

DatabaseContents postgresql_contents(PgSession& db) {
  return contents_of(db,
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                     "AND table_type = 'BASE TABLE' ORDER BY table_name");
}

bool executable(const fs::path& file) {
  std::error_code ec;
  return fs::is_regular_file(file, ec) && ::access(file.c_str(), X_OK) == 0;
}

// pg_dump or pg_restore: on PATH, else the newest under /usr/lib/postgresql/*/bin.
fs::path find_tool(const std::string& name) {
  if (const char* path = std::getenv("PATH")) {
    std::string_view rest(path);
    while (!rest.empty()) {
      auto colon = rest.find(':');
      std::string_view folder = rest.substr(0, colon);
      if (!folder.empty() && executable(fs::path(folder) / name)) return fs::path(folder) / name;
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  std::optional<std::pair<int, fs::path>> newest;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    const fs::path tool = entry.path() / "bin" / name;
    const int version = std::atoi(entry.path().filename().c_str());
    if (executable(tool) && (!newest || version > newest->first)) newest.emplace(version, tool);
  }
  if (newest) return newest->second;
  fail_internal("tool_missing", "找不到 " + name + "：请安装 postgresql-client（它不在 PATH 中，也不在 /usr/lib/postgresql/*/bin）",
                "cannot find " + name + " on PATH or under /usr/lib/postgresql/*/bin: install postgresql-client");
}

// The password in a temporary .pgpass file (0600) named by PGPASSFILE, for the tool only.
class PasswordFile {
 public:
  explicit PasswordFile(const std::string& password) {
    if (password.empty()) return;
    std::string pattern = (fs::temp_directory_path() / "jinguo-pgpass.XXXXXX").string();
    int fd = ::mkstemp(pattern.data());  // created 0600
    if (fd < 0) fail_internal("backup_failed", "无法创建临时密码文件", "cannot create a temporary password file");
    path_ = pattern;
    const std::string line = backup_detail::pgpass_line(password) + "\n";
    const bool written = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size());
    ::close(fd);
    if (!written) fail_internal("backup_failed", "无法写入临时密码文件", "cannot write a temporary password file");
  }
  ~PasswordFile() {
    if (!path_.empty()) ::unlink(path_.c_str());
  }
  PasswordFile(const PasswordFile&) = delete;
  PasswordFile& operator=(const PasswordFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs `tool` with `args` and this process's environment (plus PGPASSFILE and a connect
// timeout); its standard error passes through, its standard output goes to /dev/null when
// `quiet`. Returns its exit status.
int run_tool(const fs::path& tool, const std::vector<std::string>& args, const PasswordFile& password, bool quiet) {
  std::vector<std::string> environment;
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    if (!password.path().empty() && entry.starts_with("PGPASSFILE=")) continue;
    environment.emplace_back(entry);
  }
  if (!password.path().empty()) environment.push_back("PGPASSFILE=" + password.path());
  if (!std::getenv("PGCONNECT_TIMEOUT")) environment.emplace_back("PGCONNECT_TIMEOUT=10");
  std::vector<char*> argv{const_cast<char*>(tool.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& e : environment) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) fail_internal("backup_failed", "无法启动 " + tool.string(), "cannot start " + tool.string());
  if (pid == 0) {
    if (quiet) {
      int null = ::open("/dev/null", O_WRONLY);
      if (null >= 0) ::dup2(null, 1);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

void require_tool_ok(int rc, const std::string& tool) {
  if (rc != 0)
    fail_internal("tool_failed", tool + " 失败（退出码 " + std::to_string(rc) + "，原因见上方输出）",
                  tool + " failed with exit status " + std::to_string(rc) + " (its messages above)");
}

BackupResult backup_postgresql(const std::string& url, const fs::path& out) {
  require_output_folder(out);
  const PgConnection connection = parse_pg(url);
  BackupResult result;
  {
    PgSession session(connection);  // an unreachable database said clearly, before pg_dump
    result.schema_version = postgresql_contents(session).schema_version;
  }
  const fs::path pg_dump = find_tool("pg_dump"), pg_restore = find_tool("pg_restore");
  PasswordFile password(connection.password);
  TempFile temp(out);
  require_tool_ok(run_tool(pg_dump, {"--format=custom", "--file=" + temp.path().string(), "--dbname=" + connection.conninfo},
                           password, false),
                  "pg_dump");
  // The archive reads back: its table of contents lists.
  require_tool_ok(run_tool(pg_restore, {"--list", temp.path().string()}, password, true), "pg_restore --list");
  temp.rename_to(out);
  result.bytes = fs::file_size(out);
  return result;
}

void restore_postgresql(const std::string& url, const fs::path& in, bool force) {
  require_readable(in, "input");
  if (!backup_detail::is_pg_dump_header(first_bytes(in, 5)))
    throw domain::invalid("not_pg_dump", "input",
                          "不是 pg_dump 自定义格式（--format=custom）的备份文件：" + in.string(),
                          "not a pg_dump custom-format archive: " + in.string());
  const PgConnection connection = parse_pg(url);
  const fs::path pg_restore = find_tool("pg_restore");
  {
    PgSession session(connection);
    auto contents = postgresql_contents(session);
    if (!contents.empty()) {
      if (!force)
        throw domain::conflict("target_not_empty", "database",
                               "目标数据库不是空的：" + contents.describe() + "。恢复只写入空数据库；确需覆盖请加 --force",
                               "the target database is not empty: " + contents.describe() +
                                   ". Restore writes into an empty database only; add --force to drop its tables");
      std::string drop = "BEGIN; DROP TABLE IF EXISTS ";
      for (std::size_t i = 0; i < contents.tables.size(); ++i)
        drop += (i ? ", " : "") + quoted_identifier(contents.tables[i]);
      session.column(drop + " CASCADE; COMMIT");
    }
  }
  PasswordFile password(connection.password);
  require_tool_ok(run_tool(pg_restore,
                           {"--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction",
                            "--dbname=" + connection.conninfo, in.string()},
                           password, false),
                  "pg_restore");
}

}  // namespace

std::string DatabaseContents::describe() const {
  std::string out = std::to_string(tables.size()) + " tables";
  std::string details;
  for (const auto& [table, count] : rows) details += (details.empty() ? "" : ", ") + table + " " + std::to_string(count) + " rows";
  if (rows.empty()) {  // not Jinguo's: name a few
    for (std::size_t i = 0; i < tables.size() && i < 5; ++i) details += (i ? ", " : "") + tables[i];
    if (tables.size() > 5) details += ", …";
  }
  if (!schema_version.empty()) details += (details.empty() ? "" : "; ") + std::string("schema ") + schema_version;
  return details.empty() ? out : out + " (" + details + ")";
}

BackupResult backup_database(const std::string& url, const fs::path& out, const BackupOptions& options) {
  if (out.empty()) throw domain::invalid("output_missing", "output", "请用 -o 指定备份文件", "name the backup file with -o");
  return backend_of(url) == Backend::kPostgresql ? backup_postgresql(url, out) : backup_sqlite(url, out, options);
}

DatabaseContents database_contents(const std::string& url) {
  if (backend_of(url) == Backend::kPostgresql) {
    PgSession session(parse_pg(url));
    return postgresql_contents(session);
  }
  const fs::path file = sqlite_file(url);
  std::error_code ec;
  if (!fs::exists(file, ec)) return {};
  require_sqlite_file(file, "database");
  Sqlite db(file, SQLITE_OPEN_READONLY);
  return sqlite_contents(db);
}

void restore_database(const std::string& url, const fs::path& in, bool force) {
  if (in.empty()) throw domain::invalid("input_missing", "input", "请用 -i 指定备份文件", "name the backup file with -i");
  if (backend_of(url) == Backend::kPostgresql)
    restore_postgresql(url, in, force);
  else
    restore_sqlite(url, in, force);
}

namespace backup_detail {

bool is_sqlite_header(std::string_view first_bytes) {
  return first_bytes.size() >= 16 && first_bytes.substr(0, 16) == std::string_view("SQLite format 3\0", 16);
}

bool is_pg_dump_header(std::string_view first_bytes) { return first_bytes.starts_with("PGDMP"); }

std::string conninfo_quoted(std::string_view value) {
  std::string out = "'";
  for (char c : value) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

std::string pgpass_line(std::string_view password) {
  std::string out = "*:*:*:*:";
  for (char c : password) {
    if (c == '\\' || c == ':') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace backup_detail

}  // namespace jinguo::storage
