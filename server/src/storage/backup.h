#pragma once
// Backup and restore of a whole database (docs/backup.md).
//
// SQLite: SQLite's online backup API copies the pages of the live file while the server
// serves and writes. The copy runs inside one read transaction on the source, so in WAL
// mode it is one consistent snapshot (the writers go on; the copy never restarts), and it is
// made in steps of pages. The copy is checked (PRAGMA integrity_check), made a single file
// (journal_mode DELETE), written under a temporary name beside the target and renamed:
// a failed backup never leaves a half file under the name.
//
// PostgreSQL: pg_dump --format=custom, and pg_restore --no-owner --no-privileges
// --exit-on-error --single-transaction, found on PATH or under /usr/lib/postgresql/*/bin
// (the newest). The connection string is parsed by libpq and handed to them without its
// password, which goes into a temporary password file (mode 0600, PGPASSFILE) that only
// this user can read: nothing secret on a command line that `ps` shows.
//
// Every refusal is a DomainError: kInvalid / kNotFound for a bad argument (a missing file,
// not a SQLite file, not a pg_dump archive), kConflict for a target that holds data,
// kInternal for a database that cannot be reached or a tool that failed.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace jinguo::storage {

struct BackupOptions {
  int pages_per_step = 1024;  // SQLite: pages copied per sqlite3_backup_step
};

struct BackupResult {
  std::uintmax_t bytes = 0;
  std::string schema_version;  // the newest migration in the copy ("0024"); empty if none
  std::int64_t pages = 0;      // SQLite: pages copied
};

// Writes a backup of the database at `url` to `out` (replaced atomically if it exists).
BackupResult backup_database(const std::string& url, const std::filesystem::path& out,
                             const BackupOptions& options = {});

// What a target database holds: its tables (from its schema) and the rows of the main ones.
struct DatabaseContents {
  std::vector<std::string> tables;
  std::vector<std::pair<std::string, std::int64_t>> rows;  // organisations, people, positions, accounts
  std::string schema_version;
  bool empty() const { return tables.empty(); }
  std::string describe() const;  // "46 tables (organisations 12 rows, …; schema 0024)"
};

DatabaseContents database_contents(const std::string& url);

// Restores the backup `in` into the database at `url`. A target that holds tables is refused
// (kConflict, naming what is there) unless `force`: then SQLite's file is overwritten and
// PostgreSQL's tables in the target's schema are dropped first (in one transaction with
// nothing else). The caller migrates afterwards.
void restore_database(const std::string& url, const std::filesystem::path& in, bool force);

// Pieces, public for their unit tests.
namespace backup_detail {
// The first 16 bytes of a SQLite file: "SQLite format 3\0".
bool is_sqlite_header(std::string_view first_bytes);
// The first 5 bytes of a pg_dump custom-format archive: "PGDMP".
bool is_pg_dump_header(std::string_view first_bytes);
// A libpq connection-string value in single quotes, \ and ' escaped.
std::string conninfo_quoted(std::string_view value);
// A line of a .pgpass file matching any host, port, database and user: "*:*:*:*:password"
// with : and \ escaped.
std::string pgpass_line(std::string_view password);
}  // namespace backup_detail

}  // namespace jinguo::storage
