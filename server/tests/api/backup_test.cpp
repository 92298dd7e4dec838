// Backup and restore (issue 14 §5) with the real binary, on SQLite and PostgreSQL: a backup
// taken while a client appoints women and has their certificates issued through the server
// restores into a fresh database as one consistent snapshot (every audit record has its
// change and every change its audit record, certificate numbers without gap); a backup of a
// quiet database restores every table (listed from the schema) row for row; every bad
// argument is refused with its exit code (docs/backup.md).
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "api_client.h"
#include "storage/database.h"

using jinguo::api_test::Client;
using jinguo::api_test::json;

namespace {

namespace fs = std::filesystem;
using jinguo::storage::Backend;
using jinguo::storage::Keep;
using jinguo::storage::ReadTx;

bool postgresql() { return jinguo::test_support::test_backend() == "postgresql"; }

fs::path work_folder() {
  static const fs::path folder = [] {
    auto f = fs::temp_directory_path() / ("jinguo-backup-test-" + std::to_string(::getpid()));
    fs::create_directories(f);
    return f;
  }();
  return folder;
}

std::string shell_quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs the binary; its standard output and error into `output`. Returns the exit code.
int run_cli(const std::vector<std::string>& args, std::string* output = nullptr) {
  const fs::path log = work_folder() / "cli.log";
  std::string command = "exec " + shell_quoted(JINGUO_BINARY);
  for (const auto& a : args) command += " " + shell_quoted(a);
  const int rc = jinguo::api_test::run({"/bin/sh", "-c", command + " >" + shell_quoted(log.string()) + " 2>&1"});
  std::ifstream in(log);
  if (output) output->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return rc;
}

// Rows of one query, each column as text joined by \x1f (NULL as \x1e).
std::vector<std::string> rows(const ReadTx& tx, const std::string& sql, int columns,
                              const std::optional<std::string>& parameter = std::nullopt) {
  auto s = tx.prepare(sql, Keep::kNo);
  if (parameter) s.bind(*parameter);
  std::vector<std::string> out;
  while (s.step()) {
    std::string row;
    for (int c = 0; c < columns; ++c) {
      if (c) row += '\x1f';
      row += s.is_null(c) ? std::string("\x1e") : s.string(c);
    }
    out.push_back(std::move(row));
  }
  return out;
}

// Every table of the database, listed from its schema, with every row (columns as text, sorted).
std::map<std::string, std::vector<std::string>> every_row(const std::string& url) {
  jinguo::storage::Database db({url, 1});
  const bool pg = db.backend() == Backend::kPostgresql;
  std::map<std::string, std::vector<std::string>> out;
  db.read([&](ReadTx& tx) {
    auto tables = rows(tx, pg ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                                "AND table_type = 'BASE TABLE' ORDER BY 1"
                              : "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1",
                       1);
    for (const auto& table : tables) {
      auto columns = rows(tx, pg ? "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                                   "current_schema() AND table_name = $1 ORDER BY ordinal_position"
                                 : "SELECT name FROM pragma_table_info($1) ORDER BY cid",
                          1, table);
      std::string select = "SELECT ", order = " ORDER BY ";
      for (std::size_t i = 0; i < columns.size(); ++i) {
        select += (i ? ", " : "") + std::string("CAST(\"") + columns[i] + "\" AS TEXT)";
        order += (i ? ", " : "") + std::to_string(i + 1);
      }
      out[table] = rows(tx, select + " FROM \"" + table + "\"" + order, static_cast<int>(columns.size()));
    }
  });
  return out;
}

std::set<std::string> column_set(const std::string& url, const std::string& sql) {
  jinguo::storage::Database db({url, 1});
  std::set<std::string> out;
  db.read([&](ReadTx& tx) {
    for (auto& r : rows(tx, sql, 1)) out.insert(r);
  });
  return out;
}

// The checks of a consistent snapshot: every person, position and certificate has its
// audit record and every such record its change; certificate numbers 1..n per issuer and
// year with the counter at n. Returns what fails.
std::vector<std::string> snapshot_problems(const std::string& url) {
  std::vector<std::string> problems;
  for (auto [entity, action, table] : {std::tuple{"person", "create", "people"}, std::tuple{"position", "create", "positions"},
                                       std::tuple{"certificate", "issue", "certificates"}}) {
    auto changed = column_set(url, std::string("SELECT CAST(id AS TEXT) FROM ") + table);
    auto audited = column_set(url, std::string("SELECT entity_id FROM audit_events WHERE entity = '") + entity +
                                       "' AND action = '" + action + "'");
    if (changed != audited)
      problems.push_back(std::string(table) + ": " + std::to_string(changed.size()) + " rows, " +
                         std::to_string(audited.size()) + " '" + action + "' audit records, not the same ids");
  }
  jinguo::storage::Database db({url, 1});
  db.read([&](ReadTx& tx) {
    std::map<std::string, std::vector<long long>> numbers;
    for (auto& r : rows(tx, "SELECT issuer_id, year, number FROM certificates ORDER BY number", 3)) {
      auto last = r.rfind('\x1f');
      numbers[r.substr(0, last)].push_back(std::stoll(r.substr(last + 1)));
    }
    std::map<std::string, long long> counters;
    for (auto& r : rows(tx, "SELECT issuer_id, year, last_number FROM certificate_counters", 3)) {
      auto last = r.rfind('\x1f');
      counters[r.substr(0, last)] = std::stoll(r.substr(last + 1));
    }
    for (auto& [key, taken] : numbers) {
      for (std::size_t i = 0; i < taken.size(); ++i)
        if (taken[i] != static_cast<long long>(i + 1)) {
          problems.push_back("certificate numbers of " + key + " have a gap or a duplicate at " + std::to_string(i + 1));
          break;
        }
      if (counters[key] != static_cast<long long>(taken.size()))
        problems.push_back("certificate counter of " + key + " is " + std::to_string(counters[key]) + ", " +
                           std::to_string(taken.size()) + " certificates");
    }
  });
  return problems;
}

// Appoints women in the villages and has every three of them certified (by the township above).
class Appointer {
 public:
  Appointer(int port, std::vector<long long> villages) : client_(port), villages_(std::move(villages)) {
    EXPECT_EQ(client_.login("admin", jinguo::api_test::kAdminPassword).status, 200);
  }
  // One woman appointed; every third one, a certificate batch of the last three. False (and a
  // test failure) when the server refused.
  bool appoint() {
    if (failed_) return false;
    completed_ = false;
    write();  // its ASSERTs return early
    if (!completed_) failed_ = true;
    else ++appointed_;
    return !failed_;
  }
  int appointed() const { return appointed_; }
  bool failed() const { return failed_; }

 private:
  void write() {
    const int k = next_++;
    const int day = k / 450, sequence = (k % 450) * 2;  // even: a woman
    char birth[64];
    std::snprintf(birth, sizeof birth, "%04d%02d%02d%03d", 1970 + day / 336, 1 + day / 28 % 12, 1 + day % 28, sequence);
    auto person = client_.post("/api/people", {{"name", "备梅英"},
                                               {"id_number", jinguo::api_test::id_number(std::string("230104") + birth)}});
    ASSERT_EQ(person.status, 201) << person.body.dump();
    auto position = client_.post("/api/positions", {{"person_id", person.body["id"]},
                                                     {"organisation_id", villages_[static_cast<std::size_t>(k) % villages_.size()]},
                                                     {"role", "member"},
                                                     {"manner", "part_time"},
                                                     {"start_on", "2016-07-01"},
                                                     {"override_reason", "备份测试 / backup test"}});
    ASSERT_EQ(position.status, 201) << position.body.dump();
    uncertified_.push_back(position.body["id"]);
    if (uncertified_.size() == 3) {
      auto issued = client_.post("/api/certificates", {{"position_ids", uncertified_}});
      ASSERT_EQ(issued.status, 201) << issued.body.dump();
      uncertified_.clear();
    }
    completed_ = true;
  }

  Client client_;
  std::vector<long long> villages_;
  json uncertified_ = json::array();
  int next_ = 0;
  std::atomic<int> appointed_{0};
  std::atomic<bool> failed_{false};
  bool completed_ = false;
};

class BackupTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = std::make_unique<jinguo::api_test::World>(jinguo::api_test::start_world("备份市妇联"));
    auto& admin = *world_->admin;
    auto body = [&](long long parent, const std::string& type, const std::string& name) {
      auto a = admin.post("/api/organisations", {{"parent_id", parent}, {"type", type}, {"name", name}});
      EXPECT_EQ(a.status, 201) << a.body.dump();
      return a.body.value("id", 0LL);
    };
    const long long district = body(world_->city, "district", "备份区妇联");
    const long long town = body(district, "township", "备份镇妇联");
    villages_ = {body(town, "village_congress", "备一村妇代会"), body(town, "village_congress", "备二村妇代会")};
  }
  static void TearDownTestSuite() {
    world_.reset();
    fs::remove_all(work_folder());
  }
  static inline std::unique_ptr<jinguo::api_test::World> world_;
  static inline std::vector<long long> villages_;
};

TEST_F(BackupTest, ABackupWhileWritingIsAConsistentSnapshotAndAQuietOneRestoresEveryRow) {
  Appointer appointer(world_->server->port(), villages_);
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(appointer.appoint());

  // Backed up while a client keeps appointing and certifying through the server.
  std::atomic<bool> stop{false};
  std::thread writer([&] {
    while (!stop && appointer.appoint()) {
    }
  });
  while (appointer.appointed() < 12 && !appointer.failed()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const int before = appointer.appointed();
  const fs::path busy_copy = work_folder() / "busy.backup";
  std::string said;
  const int rc = run_cli({"backup", "--database", world_->url, "-o", busy_copy.string()}, &said);
  const int after = appointer.appointed();
  while (appointer.appointed() < after + 3 && !appointer.failed()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  stop = true;
  writer.join();
  ASSERT_EQ(rc, 0) << said;
  EXPECT_NE(said.find("备份完成"), std::string::npos) << said;
  EXPECT_GT(after, before) << "the backup ran while the client wrote";

  const std::string restored = jinguo::test_support::fresh_database_url();
  ASSERT_EQ(run_cli({"restore", "--database", restored, "-i", busy_copy.string()}, &said), 0) << said;
  EXPECT_NE(said.find("恢复完成"), std::string::npos) << said;
  EXPECT_NE(said.find("0 migration(s) applied"), std::string::npos) << said;
  for (const auto& problem : snapshot_problems(restored)) ADD_FAILURE() << "restored while writing: " << problem;
  const auto people = column_set(restored, "SELECT CAST(id AS TEXT) FROM people");
  EXPECT_GE(people.size(), static_cast<std::size_t>(before)) << "what was answered before the backup is in it";
  EXPECT_LE(people.size(), static_cast<std::size_t>(appointer.appointed() + 1));

  // A quiet database: every table, listed from the schema, row for row.
  const fs::path quiet_copy = work_folder() / "quiet.backup";
  ASSERT_EQ(run_cli({"backup", "--database", world_->url, "-o", quiet_copy.string()}, &said), 0) << said;
  const auto source = every_row(world_->url);
  const std::string second = jinguo::test_support::fresh_database_url();
  ASSERT_EQ(run_cli({"restore", "--database", second, "-i", quiet_copy.string()}, &said), 0) << said;
  const auto copy = every_row(second);
  std::vector<std::string> source_tables, copy_tables;
  for (const auto& [table, _] : source) source_tables.push_back(table);
  for (const auto& [table, _] : copy) copy_tables.push_back(table);
  EXPECT_EQ(copy_tables, source_tables);
  EXPECT_GT(source.size(), 20u) << "the tables are listed from the schema";
  std::size_t compared = 0;
  for (const auto& [table, table_rows] : source) {
    auto found = copy.find(table);
    if (found == copy.end()) continue;
    EXPECT_EQ(found->second, table_rows) << "table " << table;
    compared += table_rows.size();
  }
  EXPECT_GT(source.at("certificates").size(), 5u);
  EXPECT_GT(compared, 100u);
  EXPECT_TRUE(snapshot_problems(second).empty());

  // The restored database holds data now: restore refuses it, naming what is there, unless --force.
  EXPECT_EQ(run_cli({"restore", "--database", second, "-i", busy_copy.string()}, &said), 3) << said;
  EXPECT_NE(said.find("organisations"), std::string::npos) << said;
  EXPECT_NE(said.find("--force"), std::string::npos) << said;
  ASSERT_EQ(run_cli({"restore", "--database", second, "-i", busy_copy.string(), "--force"}, &said), 0) << said;
  EXPECT_EQ(column_set(second, "SELECT CAST(id AS TEXT) FROM people"), people) << "the busy copy replaced the quiet one";
}

TEST_F(BackupTest, BadArgumentsAreRefusedWithTheirExitCodes) {
  std::string said;
  const fs::path garbage = work_folder() / "garbage.backup";
  std::ofstream(garbage) << "not a database, not an archive\n";
  const fs::path missing = work_folder() / "missing.backup";
  const std::string fresh = jinguo::test_support::fresh_database_url();

  // No such input file; not a backup of this kind.
  EXPECT_EQ(run_cli({"restore", "--database", fresh, "-i", missing.string()}, &said), 2) << said;
  EXPECT_NE(said.find("文件不存在"), std::string::npos) << said;
  EXPECT_EQ(run_cli({"restore", "--database", fresh, "-i", garbage.string()}, &said), 2) << said;
  EXPECT_NE(said.find(postgresql() ? "pg_dump" : "SQLite"), std::string::npos) << said;
  // No output folder; -o missing.
  EXPECT_EQ(run_cli({"backup", "--database", world_->url, "-o", (work_folder() / "no/such/x.backup").string()}, &said), 2)
      << said;
  EXPECT_NE(said.find("输出目录不存在"), std::string::npos) << said;
  EXPECT_EQ(run_cli({"backup", "--database", world_->url}, &said), 2) << said;

  if (postgresql()) {
    // An unreachable database: said clearly, and nothing written under the name.
    const fs::path out = work_folder() / "unreachable.backup";
    EXPECT_EQ(run_cli({"backup", "--database", "host=/nonexistent-socket-folder port=1 dbname=jinguo", "-o", out.string()},
                      &said),
              1)
        << said;
    EXPECT_NE(said.find("无法连接数据库"), std::string::npos) << said;
    EXPECT_FALSE(fs::exists(out));
  } else {
    // A database file that does not exist, or is not SQLite's: refused, nothing written.
    const fs::path out = work_folder() / "none.backup";
    EXPECT_EQ(run_cli({"backup", "--database", missing.string(), "-o", out.string()}, &said), 2) << said;
    EXPECT_EQ(run_cli({"backup", "--database", garbage.string(), "-o", out.string()}, &said), 2) << said;
    EXPECT_NE(said.find("不是 SQLite 数据库文件"), std::string::npos) << said;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(missing)) << "backing up a missing file does not create it";
  }
}

TEST_F(BackupTest, ABackupOfAnOlderSchemaIsMigratedWhenRestored) {
  // An older version's database: 0024 (meeting_files) and 0025 (unique certificate prefixes) not yet applied.
  const std::string old = jinguo::test_support::fresh_database_url();
  ASSERT_EQ(run_cli({"migrate", "--database", old}), 0);
  {
    jinguo::storage::Database db({old, 1});
    db.write([](jinguo::storage::WriteTx& tx) {
      tx.sql() << "DROP INDEX certificate_prefixes_prefix";
      tx.sql() << "DROP TABLE meeting_files";
      tx.sql() << "DELETE FROM schema_migrations WHERE version IN ('0024', '0025')";
    });
  }
  const fs::path copy = work_folder() / "old.backup";
  std::string said;
  ASSERT_EQ(run_cli({"backup", "--database", old, "-o", copy.string()}, &said), 0) << said;
  EXPECT_NE(said.find("schema 0023"), std::string::npos) << said;
  const std::string restored = jinguo::test_support::fresh_database_url();
  ASSERT_EQ(run_cli({"restore", "--database", restored, "-i", copy.string()}, &said), 0) << said;
  EXPECT_NE(said.find("schema 0023 in the backup, 2 migration(s) applied"), std::string::npos) << said;
  EXPECT_EQ(every_row(restored).count("meeting_files"), 1u);
}

}  // namespace
