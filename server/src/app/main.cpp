// build/jinguo: the Jinguo server and command-line tool.
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "app/backup_commands.h"
#include "app/commands.h"
#include "app/config.h"
#include "app/logging.h"
#include "app/staffing_commands.h"
#include "domain/error.h"
#include "services/crypto.h"

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
  // The commands that hash passwords: the cost of a new hash (services/crypto.h).
  auto add_password_cost = [&](CLI::App* c) {
    c->add_option("--password-memory-kib", flags.password_memory_kib,
                  "memory of one password hash (argon2id) in KiB; with the passes, at least one of OWASP's "
                  "settings: " + jinguo::services::owasp_settings_text() + " (JINGUO_PASSWORD_MEMORY_KIB, default 9216)");
    c->add_option("--password-passes", flags.password_passes,
                  "passes of one password hash (argon2id's t), 1 to 10 (JINGUO_PASSWORD_PASSES, default 4)");
  };
  auto* serve = cli.add_subcommand("serve", "serve the web app and the JSON API");
  add_database(serve);
  add_password_cost(serve);
  serve->add_option("--host", flags.host, "listen address (JINGUO_HOST, default 127.0.0.1)");
  serve->add_option("--port", flags.port, "port (JINGUO_PORT, default 8080)")->check(CLI::Range(0, 65535));
  serve->add_option("--web-root", flags.web_root, "folder of the built web app (JINGUO_WEB_ROOT)");
  serve->add_option("--threads", flags.threads, "worker threads (JINGUO_THREADS, default 64)")
      ->check(CLI::Range(1, 4096));
  serve->add_option("--pool-size", flags.pool_size, "database connections (JINGUO_POOL_SIZE, default 8)")
      ->check(CLI::Range(1, 512));
  serve->add_option("--sqlite-cache-kib", flags.sqlite_cache_kib,
                    "SQLite page cache of each database connection, in KiB (JINGUO_SQLITE_CACHE_KIB, default 512)")
      ->check(CLI::Range(64, 1 << 20));
  serve->add_option("--password-hashes", flags.password_hashes,
                    "password hashes (9 MiB each by default) computed at once; more sign-ins wait their turn "
                    "(JINGUO_PASSWORD_HASHES, default 2)")
      ->check(CLI::Range(1, 64));
  serve->add_option("--pdf-renders", flags.pdf_renders,
                    "PDFs drawn at once, each in a short-lived process; 0: inside the server, which then keeps "
                    "~85 MiB of fonts (JINGUO_PDF_RENDERS, default 2)")
      ->check(CLI::Range(0, 64));
  auto* migrate = cli.add_subcommand("migrate", "create or update the database schema");
  add_database(migrate);
  auto* check = cli.add_subcommand("check-db", "connect to the database and list the applied migrations");
  add_database(check);
  auto* demo = cli.add_subcommand("demo", "create a database with the Harbin 2016 demo data");
  add_database(demo);
  add_password_cost(demo);
  demo->add_option("--seed", seed, "random seed (default 2016)");
  demo->add_flag("--force", force,
                 "replace an existing SQLite database file, or drop the Jinguo tables of a PostgreSQL database");
  std::string scale;
  demo->add_option("--scale", scale,
                   "benchmark data instead of Harbin: national, province, county or a number of townships");
  serve->add_option("--session-idle-seconds", flags.session_idle_seconds,
                    "idle expiry of sessions (JINGUO_SESSION_IDLE_SECONDS, default 1800)")
      ->check(CLI::Range(1, 7 * 24 * 3600));
  serve->add_option("--session-absolute-seconds", flags.session_absolute_seconds,
                    "lifetime of a session however active it is (JINGUO_SESSION_ABSOLUTE_SECONDS, default 43200)")
      ->check(CLI::Range(1, 30 * 24 * 3600));
  serve->add_option("--log-format", flags.log_format,
                    "text, or json: one JSON object a line and one line per request (JINGUO_LOG_FORMAT)");
  serve->add_option("--metrics-token", flags.metrics_token,
                    "bearer token for /metrics from other machines (JINGUO_METRICS_TOKEN; default: localhost only)");
  serve->add_option("--public-url", flags.public_url,
                    "where the web application is reached from outside; the certificates' QR codes point there "
                    "(JINGUO_PUBLIC_URL, default http://host:port)");
  serve->add_option("--public-requests-per-minute", flags.public_requests_per_minute,
                    "the public pages: requests a minute from one address (JINGUO_PUBLIC_REQUESTS_PER_MINUTE, "
                    "default 60)")
      ->check(CLI::Range(1, 1000000));
  serve->add_option("--trusted-proxies", flags.trusted_proxies,
                    "addresses of the proxies whose X-Forwarded-For / X-Real-IP name the client, separated by "
                    "commas (JINGUO_TRUSTED_PROXIES, default none)");
  bool secure_cookies = false;
  serve->add_flag("--secure-cookies", secure_cookies, "served over TLS: Secure cookies (JINGUO_SECURE_COOKIES)");
  bool no_forms_index = false;
  serve->add_flag("--no-forms-index", no_forms_index,
                  "count forms and compliance in SQL, not from the in-memory index (JINGUO_FORMS_INDEX=0)");
  AdminRequest admin;
  auto* create_admin = cli.add_subcommand("create-admin", "create an account (the first administrator)");
  add_database(create_admin);
  add_password_cost(create_admin);
  create_admin->add_option("--username", admin.username, "user name")->required();
  auto* organisation_option =
      create_admin->add_option("--organisation-id", admin.organisation_id, "the organisation of the account");
  create_admin->add_option("--new-root", admin.new_root, "on an empty database: create this city federation first")
      ->excludes(organisation_option);
  create_admin->add_option("--role", admin.role, "system_admin (default), federation_admin, operator or viewer");
  create_admin->add_option("--password-file", admin.password_file, "file whose first line is the password "
                                                                   "(default: read one line from standard input)");
  std::string as;
  auto* accounts = cli.add_subcommand("accounts", "accounts");
  auto* accounts_list = accounts->add_subcommand("list", "list the accounts");
  accounts->require_subcommand(1);
  add_database(accounts_list);
  accounts_list->add_option("--as", as, "only what this account may see");
  std::string reset_username, reset_password_file;
  auto* reset_cmd = accounts->add_subcommand("reset-password", "set a new password of an account, ending its sessions");
  add_database(reset_cmd);
  add_password_cost(reset_cmd);
  reset_cmd->add_option("--username", reset_username, "user name")->required();
  reset_cmd->add_option("--password-file", reset_password_file,
                        "file whose first line is the new password (default: read one line from standard input)");
  jinguo::app::FormRequest form_request;
  std::string form_on_text, form_baseline_text;
  auto* form_cmd = cli.add_subcommand("form", "write an attached form (附表1–5) of a subtree on a date");
  add_database(form_cmd);
  form_cmd->add_option("n", form_request.form, "the form, 1 to 5")->required()->check(CLI::Range(1, 5));
  form_cmd->add_option("--within", form_request.within, "organisation id of the subtree")->required();
  form_cmd->add_option("--on", form_on_text, "the report date YYYY-MM-DD")->required();
  form_cmd->add_option("--baseline", form_baseline_text, "the baseline date YYYY-MM-DD (default: the setting)");
  form_cmd->add_option("--format", form_request.format, "json (default), xlsx or pdf")
      ->check(CLI::IsMember({"json", "xlsx", "pdf"}));
  form_cmd->add_option("-o,--output", form_request.out, "the file to write (needed for xlsx and pdf)");
  form_cmd->add_option("--as", form_request.as, "the account whose scope and permissions apply");
  form_cmd->add_flag("--full", form_request.full, "form 3's phones in full (permission reveal)");
  form_cmd->add_option("--campaign", form_request.campaign, "form 1: that campaign's contacts only")
      ->check(CLI::PositiveNumber);
  std::string template_kind, template_out, export_on_text;
  auto* template_cmd = cli.add_subcommand("template", "write an empty import template (.xlsx)");
  add_database(template_cmd);
  template_cmd->add_option("kind", template_kind,
                           "members:<body type> (e.g. members:township), people, outstanding-women or social-organisations")
      ->required();
  template_cmd->add_option("-o,--output", template_out, "the .xlsx file to write")->required();
  ExportRequest export_request;
  auto* export_cmd = cli.add_subcommand("export", "export a list as .xlsx");
  export_cmd->require_subcommand(1);
  auto* export_roster_cmd = export_cmd->add_subcommand("roster", "the roster of a body on a date (audited)");
  add_database(export_roster_cmd);
  export_roster_cmd->add_option("--within", export_request.within, "organisation id of the body")->required();
  export_roster_cmd->add_option("--on", export_on_text, "date YYYY-MM-DD (default today)");
  export_roster_cmd->add_option("-o,--output", export_request.out, "the .xlsx file to write")->required();
  export_roster_cmd->add_option("--as", export_request.as, "the account whose scope and permissions apply");
  export_roster_cmd->add_flag("--full", export_request.full, "ID numbers and phones in full (permission reveal)");
  std::vector<CLI::App*> export_list_cmds;
  for (const char* kind : {"people", "children", "failing", "audit", "outstanding-women", "social-organisations"}) {
    auto* cmd = export_cmd->add_subcommand(kind, std::string("the list of ") + kind + " (audited; see docs/api-contract.md)");
    add_database(cmd);
    cmd->add_option("--within", export_request.within, "organisation id of the subtree (children: of the body)")
        ->required();
    cmd->add_option("--on", export_on_text, "date YYYY-MM-DD (people, failing; default today)");
    cmd->add_option("-o,--output", export_request.out, "the .xlsx file to write")->required();
    cmd->add_option("--as", export_request.as, "the account whose scope and permissions apply");
    cmd->add_flag("--full", export_request.full, "ID numbers and phones in full (permission reveal)");
    export_list_cmds.push_back(cmd);
  }
  ImportRequest import_request;
  std::int64_t import_within = 0;
  auto* import_cmd = cli.add_subcommand(
      "import", "import a roster (.xlsx, .xls or .csv): a dry run unless --commit (one transaction, audited)");
  add_database(import_cmd);
  import_cmd->add_option("file", import_request.file, "the spreadsheet")->required();
  auto* within_option = import_cmd->add_option("--within", import_within, "organisation id the rows belong under");
  import_cmd->add_option("--as", import_request.as, "the account whose scope and permissions apply");
  import_cmd->add_flag("--json", import_request.json, "the report as JSON");
  import_cmd->add_option("--kind", import_request.kind, "roster (default), outstanding-women or social-organisations")
      ->check(CLI::IsMember({"roster", "outstanding-women", "social-organisations"}));
  auto* commit_flag = import_cmd->add_flag("--commit", import_request.commit,
                                           "store the rows (all of them, or nothing while any row has an error)");
  import_cmd->add_flag("--skip-invalid", import_request.skip_invalid, "with --commit: store the valid rows, skip the others")
      ->needs(commit_flag);
  import_cmd->add_option("--override-reason", import_request.override_reason,
                         "with --commit, administrators: store rows past a staffing maximum, for this reason (audited)")
      ->needs(commit_flag);
  CheckOptions check_options;
  std::string on_text, from_text, rule_set_file, rule_set_code;
  int rule_set_version = 0;
  auto* check_cmd = cli.add_subcommand("check", "staffing compliance of a subtree on a date (exit 3 if any body fails)");
  add_database(check_cmd);
  check_cmd->add_option("--within", check_options.within, "organisation id of the subtree (default: the whole tree)");
  check_cmd->add_option("--on", on_text, "date YYYY-MM-DD (default today)");
  check_cmd->add_flag("--json", check_options.json, "JSON output (the shape of GET /api/compliance, every failing body)");
  check_cmd->add_flag("--timing", check_options.timing, "print the milliseconds of the check on stderr");
  check_cmd->add_flag("--no-forms-index", no_forms_index, "judge in SQL, not from the in-memory index");
  auto* rule_set = cli.add_subcommand("rule-set", "staffing rule sets");
  rule_set->require_subcommand(1);
  auto* load_cmd = rule_set->add_subcommand("load", "validate a rule set (JSON file) and store it as the next version");
  add_database(load_cmd);
  load_cmd->add_option("file", rule_set_file, "rule set JSON file")->required();
  auto* schedule_cmd = rule_set->add_subcommand("schedule", "put a stored rule set version in force from a date");
  add_database(schedule_cmd);
  schedule_cmd->add_option("code", rule_set_code, "rule set code")->required();
  schedule_cmd->add_option("version", rule_set_version, "version")->required()->check(CLI::Range(1, 1000000));
  schedule_cmd->add_option("--from", from_text, "effective from YYYY-MM-DD")->required();
  BackupRequest backup_request;
  auto* backup_cmd = cli.add_subcommand(
      "backup", "write a backup of the database (SQLite: online, while serving; PostgreSQL: pg_dump) (docs/backup.md)");
  add_database(backup_cmd);
  backup_cmd->add_option("-o,--output", backup_request.out, "the backup file to write (replaced atomically)")
      ->required();
  RestoreRequest restore_request;
  auto* restore_cmd = cli.add_subcommand(
      "restore", "restore a backup into an empty database, then migrate it (exit 3: the target holds data)");
  add_database(restore_cmd);
  restore_cmd->add_option("-i,--input", restore_request.in, "the backup file")->required();
  restore_cmd->add_flag("--force", restore_request.force,
                        "overwrite a target that holds data (SQLite: the file; PostgreSQL: drop its tables)");
  // What `serve` runs for each PDF (services/pdf_renderer.h): not for people, so not in --help.
  cli.add_subcommand("render", "draw the PDF job on standard input to standard output")->group("");
  cli.add_subcommand("version", "print the version")->callback([] { std::cout << "jinguo " JINGUO_VERSION "\n"; });

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return cli.exit(e);
    std::cerr << "参数错误 / bad arguments: " << e.what() << "\n(run with --help)\n";
    return 2;
  }
  if (cli.got_subcommand("version")) return 0;
  if (cli.got_subcommand("render")) return jinguo::app::render_pdf();
  if (secure_cookies) flags.secure_cookies = true;
  if (no_forms_index) flags.forms_index = false;

  std::optional<jinguo::domain::Date> from, form_on;
  for (auto [text, target] : {std::pair{&form_on_text, &form_on}, std::pair{&form_baseline_text, &form_request.baseline}}) {
    if (text->empty()) continue;
    *target = jinguo::domain::Date::parse(*text);
    if (!*target) {
      std::cerr << "参数错误 / bad arguments: " << *text << " is not a date YYYY-MM-DD\n";
      return 2;
    }
  }
  if (form_on) form_request.on = *form_on;
  for (auto [text, target] : {std::pair{&on_text, &check_options.on}, std::pair{&from_text, &from},
                              std::pair{&export_on_text, &export_request.on}}) {
    if (text->empty()) continue;
    *target = jinguo::domain::Date::parse(*text);
    if (!*target) {
      std::cerr << "参数错误 / bad arguments: " << *text << " is not a date YYYY-MM-DD\n";
      return 2;
    }
  }

  Config config;
  try {
    config = load_config(flags, read_environment(environ));
  } catch (const std::invalid_argument& e) {
    std::cerr << "配置错误 / bad configuration: " << e.what() << "\n";
    return 2;
  }
  jinguo::app::configure_logging(config);
  try {
    if (cli.got_subcommand("serve")) return jinguo::app::serve(config);
    if (cli.got_subcommand("migrate")) return jinguo::app::migrate(config);
    if (cli.got_subcommand("check-db")) return jinguo::app::check_db(config);
    if (cli.got_subcommand("demo")) return jinguo::app::demo(config, seed, force, scale);
    if (cli.got_subcommand("check")) return jinguo::app::check(config, check_options);
    if (load_cmd->parsed()) return jinguo::app::rule_set_load(config, rule_set_file);
    if (schedule_cmd->parsed()) return jinguo::app::rule_set_schedule(config, rule_set_code, rule_set_version, *from);
    if (cli.got_subcommand("create-admin")) return jinguo::app::create_admin(config, admin);
    if (import_cmd->parsed()) {
      if (within_option->count() > 0) import_request.within = import_within;
      return jinguo::app::import_file(config, import_request);
    }
    if (form_cmd->parsed()) return jinguo::app::write_form(config, form_request);
    if (template_cmd->parsed()) return jinguo::app::write_template(config, template_kind, template_out);
    if (export_roster_cmd->parsed()) return jinguo::app::export_roster(config, export_request);
    for (auto* cmd : export_list_cmds)
      if (cmd->parsed()) return jinguo::app::export_list(config, cmd->get_name(), export_request);
    if (reset_cmd->parsed()) return jinguo::app::reset_password(config, reset_username, reset_password_file);
    if (accounts_list->parsed()) return jinguo::app::list_accounts(config, as);
    if (backup_cmd->parsed()) return jinguo::app::backup(config, backup_request);
    if (restore_cmd->parsed()) return jinguo::app::restore(config, restore_request);
  } catch (const jinguo::domain::DomainError& e) {
    std::cerr << "失败 / failed: " << e.message_zh() << " / " << e.message_en() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "失败 / failed: " << e.what() << "\n";
    return 1;
  }
  return 2;
}
