#include "app/commands.h"

#include <csignal>
#include <filesystem>
#include <iostream>

#include <spdlog/spdlog.h>

#include "demo/harbin.h"
#include "domain/clock.h"
#include "http/server.h"
#include "services/registry.h"
#include "storage/bulk_importer.h"
#include "storage/database.h"

namespace jinguo::app {

namespace {

storage::DatabaseConfig database_config(const Config& c, std::size_t pool) {
  return {c.database, pool};
}

void make_parent_folder(const Config& c) {
  if (storage::backend_of(c.database) != storage::Backend::kSqlite) return;
  std::filesystem::path p(c.database.starts_with("sqlite:") ? c.database.substr(7) : c.database);
  if (p.has_parent_path()) std::filesystem::create_directories(p.parent_path());
}

http::HttpServer* running_server = nullptr;

extern "C" void on_signal(int) {
  if (running_server) running_server->stop();
}

}  // namespace

int migrate(const Config& config) {
  make_parent_folder(config);
  storage::Database db(database_config(config, 1));
  auto applied = db.migrate();
  std::cout << "数据库已是最新 / database is up to date (" << applied.size() << " migration(s) applied)\n";
  return 0;
}

int check_db(const Config& config) {
  storage::Database db(database_config(config, 1));
  db.ping();
  auto applied = db.applied_migrations();
  std::cout << db.backend_name() << ": " << applied.size() << " migration(s) applied\n";
  return 0;
}

int serve(const Config& config) {
  make_parent_folder(config);
  storage::Database db(database_config(config, static_cast<std::size_t>(config.pool_size)));
  db.migrate();
  services::Registry registry(db, domain::today_in_china);
  http::HttpConfig http_config{config.host, config.port, config.web_root, config.threads, 1024, 1 << 20};
  http::HttpServer server(http_config, registry, db);
  if (!server.bind()) {
    std::cerr << "无法监听 " << config.host << ":" << config.port << " / cannot listen on " << config.host << ":"
              << config.port << "\n";
    return 1;
  }
  running_server = &server;
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  spdlog::info("serving http://{}:{} ({} database)", config.host, config.port, db.backend_name());
  bool ok = server.run();
  running_server = nullptr;
  return ok ? 0 : 1;
}

int demo(const Config& config, std::uint64_t seed, bool force) {
  if (storage::backend_of(config.database) == storage::Backend::kSqlite) {
    std::filesystem::path file(config.database.starts_with("sqlite:") ? config.database.substr(7) : config.database);
    if (std::filesystem::exists(file)) {
      if (!force) {
        std::cerr << "数据库文件已存在，如需重建请加 --force / " << file.string()
                  << " exists: add --force to replace it\n";
        return 2;
      }
      for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(file.string() + suffix);
    }
  }
  make_parent_folder(config);
  storage::Database db(database_config(config, 1));
  db.migrate();
  storage::BulkImporter importer(db);
  demo::Options options;
  options.seed = seed;
  auto summary = demo::generate_harbin(options, importer);
  std::cout << "演示数据已生成 / demo data loaded: " << summary.organisations << " organisations, " << summary.people
            << " people, " << summary.positions << " positions\n";
  return 0;
}

}  // namespace jinguo::app
