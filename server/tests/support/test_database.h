#pragma once
// A fresh, empty database for one test: a SQLite temp file, or a new PostgreSQL database
// on the server named by JINGUO_TEST_POSTGRESQL_URL. JINGUO_TEST_DATABASE picks which
// (sqlite by default). Without the URL the PostgreSQL run fails: it never skips.
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

namespace jinguo::test_support {

inline std::string test_backend() {
  const char* v = std::getenv("JINGUO_TEST_DATABASE");
  return v && *v ? v : "sqlite";
}

inline std::string fresh_database_url() {
  static std::atomic<int> counter{0};
  std::string name = "jinguo_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  if (test_backend() == "postgresql") {
    const char* admin = std::getenv("JINGUO_TEST_POSTGRESQL_URL");
    if (!admin || !*admin)
      throw std::runtime_error(
          "JINGUO_TEST_DATABASE=postgresql needs JINGUO_TEST_POSTGRESQL_URL, e.g. "
          "\"host=/tmp/pg port=5432 dbname=postgres user=postgres\" (scripts/postgres.sh start DIR prints one)");
    soci::session admin_session(soci::postgresql, admin);
    admin_session << "DROP DATABASE IF EXISTS " + name;
    admin_session << "CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'";
    return std::string(admin) + " dbname=" + name;
  }
  if (test_backend() != "sqlite") throw std::runtime_error("JINGUO_TEST_DATABASE is sqlite or postgresql");
  auto path = std::filesystem::temp_directory_path() / (name + ".db");
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

}  // namespace jinguo::test_support
