// build/jinguo: the Jinguo server and command-line tool.
#include <iostream>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/commands.h"
#include "app/config.h"
#include "domain/error.h"

extern char** environ;

int main(int argc, char** argv) {
  using namespace jinguo::app;
  CLI::App cli{"巾帼 Jinguo: 基层妇联组织成员管理 / grassroots women's federation membership"};
  cli.require_subcommand(1);
  ConfigFlags flags;
  std::uint64_t seed = 2016;
  bool force = false;

  auto add_database = [&](CLI::App* c) {
    c->add_option("--config", flags.config_file, "JSON configuration file (or JINGUO_CONFIG)");
    c->add_option("--database", flags.database,
                  "SQLite file, or PostgreSQL: postgresql://... or 'host=... dbname=...' (JINGUO_DATABASE)");
  };
  auto* serve = cli.add_subcommand("serve", "serve the web app and the JSON API");
  add_database(serve);
  serve->add_option("--host", flags.host, "listen address (JINGUO_HOST, default 127.0.0.1)");
  serve->add_option("--port", flags.port, "port (JINGUO_PORT, default 8080)")->check(CLI::Range(0, 65535));
  serve->add_option("--web-root", flags.web_root, "folder of the built web app (JINGUO_WEB_ROOT)");
  serve->add_option("--threads", flags.threads, "worker threads (JINGUO_THREADS, default 64)")
      ->check(CLI::Range(1, 4096));
  serve->add_option("--pool-size", flags.pool_size, "database connections (JINGUO_POOL_SIZE, default 8)")
      ->check(CLI::Range(1, 512));
  auto* migrate = cli.add_subcommand("migrate", "create or update the database schema");
  add_database(migrate);
  auto* check = cli.add_subcommand("check-db", "connect to the database and list the applied migrations");
  add_database(check);
  auto* demo = cli.add_subcommand("demo", "create a database with the Harbin 2016 demo data");
  add_database(demo);
  demo->add_option("--seed", seed, "random seed (default 2016)");
  demo->add_flag("--force", force, "replace an existing SQLite database file");
  cli.add_subcommand("version", "print the version")->callback([] { std::cout << "jinguo " JINGUO_VERSION "\n"; });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);
    std::cerr << "参数错误 / bad arguments: " << e.what() << "\n(run with --help)\n";
    return 2;
  }
  if (cli.got_subcommand("version")) return 0;

  Config config;
  try {
    config = load_config(flags, read_environment(environ));
  } catch (const std::invalid_argument& e) {
    std::cerr << "配置错误 / bad configuration: " << e.what() << "\n";
    return 2;
  }
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  try {
    if (cli.got_subcommand("serve")) return jinguo::app::serve(config);
    if (cli.got_subcommand("migrate")) return jinguo::app::migrate(config);
    if (cli.got_subcommand("check-db")) return jinguo::app::check_db(config);
    if (cli.got_subcommand("demo")) return jinguo::app::demo(config, seed, force);
  } catch (const jinguo::domain::DomainError& e) {
    std::cerr << "失败 / failed: " << e.message_zh() << " / " << e.message_en() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "失败 / failed: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
