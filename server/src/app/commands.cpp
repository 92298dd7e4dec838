#include "app/commands.h"
#include "app/staffing_commands.h"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <optional>
#include <thread>

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "demo/campaign.h"
#include "demo/form_records.h"
#include "demo/harbin.h"
#include "demo/scaled.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "http/server.h"
#include "services/accounts.h"
#include "services/archive_importing.h"
#include "services/audit_trail.h"
#include "services/campaign_scores.h"
#include "services/campaigns.h"
#include "services/crypto.h"
#include "services/pdf_renderer.h"
#include "documents/pdf_job.h"
#include "services/exports.h"
#include "services/forms.h"
#include "http/form_dto.h"
#include "services/importing.h"
#include "services/registry.h"
#include "services/spreadsheets.h"
#include "services/staffing.h"
#include "storage/bulk_importer.h"
#include "storage/contact_repository.h"
#include "storage/database.h"
#include "storage/held_index.h"
#include "storage/migration_sources.h"
#include "storage/reelection_repository.h"

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

// The cost of the password hashes this process makes (the configuration's; services/crypto.h).
services::PasswordCost password_cost(const Config& c) { return {c.password_memory_kib, c.password_passes}; }

services::Actor cli_actor(const std::string& what) {
  services::Actor actor;
  actor.name = "cli:" + what;
  return actor;  // the system's scope: the whole tree
}

// The demo's accounts (demo only: the passwords are published in the README).
struct DemoAccount {
  const char* username;
  const char* password;
  const char* role;
  const char* organisation;  // a name, found by search
  const char* parent;        // the township: first township under this body
};
constexpr DemoAccount kDemoAccounts[] = {
    {"admin", "Jinguo-System-2016", "system_admin", "哈尔滨市妇联", nullptr},
    {"harbin", "City-Federation-2016", "federation_admin", "哈尔滨市妇联", nullptr},
    {"daoli", "Songhua-River-2016", "federation_admin", "道里区妇联", nullptr},
    {"hulan_town", "Village-Work-2016", "operator", nullptr, "呼兰区妇联"},
    {"viewer", "Read-Only-2016", "viewer", "哈尔滨市妇联", nullptr},
};

std::optional<services::OrganisationDetail> find_by_name(services::Registry& registry, const std::string& name) {
  storage::PageSpec page;
  auto found = registry.SearchOrganisations(cli_actor("demo"), name, std::nullopt, std::nullopt, page);
  for (auto& d : found.items)
    if (d.row.organisation.name == name) return d;
  return std::nullopt;
}

void create_demo_accounts(storage::Database& db, services::PasswordHasher& hasher) {
  services::Registry registry(db, domain::today_in_china);
  services::Accounts accounts(db, hasher);
  std::cout << "\n演示账号 / demo accounts (demo only):\n";
  for (const auto& a : kDemoAccounts) {
    std::optional<domain::OrganisationId> organisation;
    std::string organisation_name;
    if (a.organisation) {
      if (auto d = find_by_name(registry, a.organisation)) organisation = d->row.organisation.id;
      organisation_name = a.organisation;
    } else if (auto parent = find_by_name(registry, a.parent)) {
      storage::ChildrenFilter filter{parent->row.organisation.id, false, domain::BodyType::kTownship};
      storage::PageSpec page;
      page.page_size = 1;
      auto towns = registry.Children(cli_actor("demo"), filter, page);
      if (!towns.items.empty()) {
        organisation = towns.items.front().organisation.id;
        organisation_name = towns.items.front().organisation.name;
      }
    }
    if (!organisation) continue;
    accounts.Create(cli_actor("demo"), {a.username, a.password, *organisation, a.role});
    std::cout << "  " << std::left << std::setw(12) << a.username << std::setw(22) << a.password << std::setw(18)
              << a.role << organisation_name << "\n";
  }
}

// Forms 1 and 2 of the demo: a contact and the last re-election of every district and county
// (demo::harbin_form_records), stored in one transaction.
void create_demo_form_records(storage::Database& db, std::uint64_t seed) {
  services::Registry registry(db, domain::today_in_china);
  std::vector<domain::Organisation> districts;
  storage::PageSpec page;
  page.page_size = 200;
  for (const auto& root : registry.Children(cli_actor("demo"), {std::nullopt, false, std::nullopt}, page).items)
    for (const auto& row : registry.Children(cli_actor("demo"), {root.organisation.id, false, std::nullopt}, page).items)
      districts.push_back(row.organisation);
  const auto now = domain::utc_timestamp_now();
  db.write([&](storage::WriteTx& tx) {
    storage::ContactRepository contacts(tx);
    storage::ReelectionRepository reelections(tx);
    for (const auto& records : demo::harbin_form_records(districts, seed)) {
      contacts.insert(records.contact, now);
      reelections.insert(records.reelection, now);
    }
  });
}

// The demo's campaign (demo::harbin_campaign) with its milestones; 道里区 and 南岗区 have sent
// forms 1 and 2 — one accepted, one returned with a reason, one late — so that the dashboard
// shows every state. The service's clock stands on the days those reports were sent in 2016.
void create_demo_campaign(storage::Database& db) {
  services::PdfRenderer pdf;  // the demo draws none
  services::Registry registry(db, domain::today_in_china);
  auto city = find_by_name(registry, "哈尔滨市妇联");
  auto daoli = find_by_name(registry, "道里区妇联"), nangang = find_by_name(registry, "南岗区妇联");
  if (!city || !daoli || !nangang) return;
  domain::Date day(2016, 6, 3);
  services::Forms forms(db, pdf, [&day] { return day; });
  services::Staffing staffing(db, [&day] { return day; });
  services::Campaigns campaigns(db, forms, staffing, [&day] { return day; });
  const std::string why = "部分村妇代会正在换届，缺额成员将于8月底前配齐";
  const auto actor = cli_actor("demo");
  auto plan = demo::harbin_campaign();
  const auto& c = plan.campaign;
  auto made = campaigns.CreateCampaign(actor, {c.name, c.document_number, c.document_text, c.document_date,
                                               c.baseline_on, city->row.organisation.id});
  std::vector<domain::campaign::Milestone> milestones;
  for (const auto& m : plan.milestones) {
    services::MilestoneInput in;
    in.title = m.title;
    in.kind = std::string(domain::campaign::kind_code(m.kind));
    in.level = std::string(domain::campaign::level_code(m.level));
    if (m.form) in.form = std::optional<std::int64_t>(*m.form);
    in.due_on = m.due_on;
    in.sort_order = m.sort_order;
    milestones.push_back(campaigns.AddMilestone(actor, made.row.campaign.id, in));
  }
  const auto daoli_id = daoli->row.organisation.id, nangang_id = nangang->row.organisation.id;
  services::CampaignChange office;
  office.office = std::optional<std::string>(plan.campaign.office);
  campaigns.ChangeCampaign(actor, made.row.campaign.id, office);
  for (const auto& g : plan.group)
    campaigns.AddGroupMember(actor, made.row.campaign.id,
                             {g.name, std::string(domain::campaign::group_role_code(g.role)), g.post, g.sort_order});
  std::vector<services::ScoreItemInput> scheme;
  for (const auto& item : plan.scheme)
    scheme.push_back({item.measure, item.weight, item.label,
                      item.milestone ? std::optional<std::int64_t>(milestones[*item.milestone].id) : std::nullopt,
                      std::nullopt, item.on});
  services::CampaignScores(db, staffing).SaveScheme(actor, made.row.campaign.id, scheme);
  auto first = campaigns.Submit(actor, milestones[0].id, daoli_id, why, std::nullopt);
  campaigns.Accept(actor, first.row.id);
  day = domain::Date(2016, 6, 6);
  campaigns.Submit(actor, milestones[0].id, nangang_id, why, std::nullopt);  // three days late
  day = domain::Date(2016, 6, 17);
  auto second = campaigns.Submit(actor, milestones[1].id, daoli_id, why, std::nullopt);
  campaigns.Return(actor, second.row.id, "代表人数与换届会议记录不符，请核对后重新上报");
  campaigns.Remind(actor, milestones[1].id, nangang_id, "请于6月20日前报送附表2");
}

// PostgreSQL: whether the database holds bodies or people (a database only migrated, or
// with no Jinguo tables at all, does not).
bool postgresql_has_data(storage::Database& db) {
  auto sql = db.dedicated_session();
  int tables = 0, rows = 0;
  *sql << "SELECT CASE WHEN to_regclass('organisations') IS NULL OR to_regclass('people') IS NULL THEN 0 ELSE 1 END",
      soci::into(tables);
  if (tables == 0) return false;
  *sql << "SELECT CASE WHEN EXISTS (SELECT 1 FROM organisations) OR EXISTS (SELECT 1 FROM people) THEN 1 ELSE 0 END",
      soci::into(rows);
  return rows != 0;
}

// PostgreSQL: drops every table the migrations create, and schema_migrations, in one
// transaction, so that migrating again starts from nothing.
void drop_postgresql_tables(storage::Database& db) {
  constexpr std::string_view kCreate = "CREATE TABLE ";
  std::string drop = "DROP TABLE IF EXISTS schema_migrations";
  for (const storage::MigrationSource& m : storage::migration_sources())
    for (auto at = m.sql.find(kCreate); at != std::string_view::npos; at = m.sql.find(kCreate, at + 1)) {
      std::string_view name = m.sql.substr(at + kCreate.size());
      if (name.starts_with("IF NOT EXISTS ")) name.remove_prefix(std::string_view("IF NOT EXISTS ").size());
      drop += ", " + std::string(name.substr(0, name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_")));
    }
  auto sql = db.dedicated_session();
  soci::transaction transaction(*sql);
  *sql << drop + " CASCADE";
  transaction.commit();
}

// SIGINT and SIGTERM, blocked in every thread (threads inherit the mask of the one that
// starts them), so that only sigwait() takes them: stopping the server and logging are not
// safe in a signal handler.
sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

}  // namespace

int render_pdf() {
  std::string job{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
  try {
    const std::string pdf = documents::render_pdf_job(job);
    std::cout.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const std::invalid_argument& e) {
    std::cerr << "render: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "render: " << e.what() << "\n";
    return 1;
  }
}

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
  const sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before the database's and the imports' threads
  // Two malloc arenas, not glibc's eight per core: each of the 64 request threads otherwise
  // keeps its own arena holding the peak of the last form or compliance page it counted.
  // Measured (bench/README.md, compliance for the city under 64 connections, with the
  // counting gate): VmHWM 283 MiB → 92 MiB. MALLOC_ARENA_MAX in the environment, glibc's own
  // knob, still decides when it is set (bench/memory.sh's BENCH_MALLOC_ARENAS).
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
  services::PasswordHasher hasher(password_cost(config), config.password_hashes);
  // The process's one PDF renderer: short-lived child processes, or this process (pdf_renders 0).
  services::RenderProcesses processes;
  processes.at_once = config.pdf_renders;
  auto pdf = config.pdf_renders > 0 ? std::make_unique<services::PdfRenderer>(processes)
                                    : std::make_unique<services::PdfRenderer>();
  make_parent_folder(config);
  // The server's connections take the configured page cache; the commands keep SQLite's own
  // (2 MiB: a bulk load or a national demo writes better with it).
  storage::DatabaseConfig database = database_config(config, static_cast<std::size_t>(config.pool_size));
  database.sqlite_cache_kib = config.sqlite_cache_kib;
  storage::Database db(database);
  db.migrate();
  services::Registry registry(db, domain::today_in_china);
  services::SessionPolicy policy;
  policy.idle_seconds = config.session_idle_seconds;
  policy.absolute_seconds = config.session_absolute_seconds;
  policy.touch_every_seconds = std::min<std::int64_t>(60, config.session_idle_seconds / 2);
  services::Auth auth(db, hasher, policy);
  services::Accounts accounts(db, hasher);
  http::HttpConfig http_config{config.host,           config.port,       config.web_root,
                               config.threads,        1024,              1 << 20,
                               config.secure_cookies, config.public_url, config.public_requests_per_minute,
                               config.metrics_token,  config.log_format == "json",
                               config.trusted_proxies};
  // The one place that decides how forms and compliance count: from the index, loaded here
  // (so that the first form does not wait for it), or in SQL.
  std::unique_ptr<storage::HeldIndex> index;
  if (config.forms_index) {
    index = std::make_unique<storage::HeldIndex>();
    const auto started = std::chrono::steady_clock::now();
    db.read([&](storage::ReadTx& tx) { index->view(tx); });
    const auto size = index->size();
    spdlog::info("forms index: {} bodies, {} positions, {:.1f} MiB, loaded in {:.0f} ms", size.bodies, size.positions,
                 static_cast<double>(size.bytes) / (1 << 20),
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
  }
  http::HttpServer server(http_config, {registry, auth, accounts, *pdf, index.get()}, db);
  if (!server.bind()) {
    std::cerr << "无法监听 " << config.host << ":" << config.port << " / cannot listen on " << config.host << ":"
              << config.port << "\n";
    return 1;
  }
  // SIGTERM: no new connections; the requests in flight are answered, then run() returns.
  std::atomic<bool> served{false};
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    if (served) return;  // woken by serve() itself, as run() failed
    spdlog::info("signal {}: finishing the requests in flight, then stopping", signal);
    server.stop();
  });
  spdlog::info("serving http://{}:{} ({} database)", config.host, config.port, db.backend_name());
  bool ok = server.run();
  served = true;
  pthread_kill(stopper.native_handle(), SIGTERM);  // harmless when the stopper has already returned
  stopper.join();
  spdlog::info("stopped");
  return ok ? 0 : 1;
}

int demo(const Config& config, std::uint64_t seed, bool force, const std::string& scale) {
  std::optional<demo::ScaleOptions> scaled;
  if (!scale.empty()) {
    scaled = demo::scale_preset(scale);
    if (!scaled) {
      std::cerr << "--scale 应为 national、province、county 或乡镇数量 / --scale: national | province | county | "
                   "<number of townships>\n";
      return 2;
    }
    scaled->seed = seed;
  }
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
  } else {
    storage::Database existing(database_config(config, 1));
    if (!force && postgresql_has_data(existing)) {
      std::cerr << "数据库中已有数据，如需清空重建请加 --force / the database has data: add --force to drop its "
                   "Jinguo tables and load the demo again\n";
      return 2;
    }
    if (force) drop_postgresql_tables(existing);
  }
  make_parent_folder(config);
  storage::Database db(database_config(config, 1));
  db.migrate();
  demo::Summary summary;
  {
    storage::BulkImporter importer(db);  // holds the pool's one session until it goes
    if (scaled) {
      summary = demo::generate_scaled(*scaled, importer);
    } else {
      demo::Options options;
      options.seed = seed;
      summary = demo::generate_harbin(options, importer);
    }
  }
  std::cout << "演示数据已生成 / demo data loaded: " << summary.organisations << " organisations, " << summary.people
            << " people, " << summary.positions << " positions\n";
  services::PasswordHasher hasher(password_cost(config));
  if (scaled) {  // benchmark data: one system administrator at the root
    services::Accounts(db, hasher).Create(cli_actor("demo"), {"admin", "Jinguo-System-2016", 1, "system_admin"});
    std::cout << "  admin / Jinguo-System-2016 (system_admin)\n";
  } else {
    create_demo_form_records(db, seed);
    create_demo_campaign(db);
    create_demo_accounts(db, hasher);
  }
  return 0;
}

namespace {

// The first line of the file, or one line of standard input; nullopt when the file cannot be read.
std::optional<std::string> read_password(const std::string& file) {
  std::string password;
  if (!file.empty()) {
    std::ifstream in(file);
    if (!in) {
      std::cerr << "无法读取密码文件 / cannot read " << file << "\n";
      return std::nullopt;
    }
    std::getline(in, password);
  } else {
    std::cerr << "密码 / password: " << std::flush;
    std::getline(std::cin, password);
  }
  return password;
}

}  // namespace

int create_admin(const Config& config, const AdminRequest& request) {
  auto password_read = read_password(request.password_file);
  if (!password_read) return 2;
  const std::string& password = *password_read;
  make_parent_folder(config);
  storage::Database db(database_config(config, 1));
  db.migrate();
  services::PasswordHasher hasher(password_cost(config));
  services::Accounts accounts(db, hasher);
  std::int64_t organisation = request.organisation_id;
  if (!request.new_root.empty()) {
    services::Registry registry(db, domain::today_in_china);
    organisation = registry
                       .CreateOrganisation(cli_actor("create-admin"),
                                           {std::nullopt, "city", request.new_root, std::nullopt, false, std::nullopt})
                       .row.organisation.id;
  }
  auto row = accounts.Create(cli_actor("create-admin"), {request.username, password, organisation, request.role});
  std::cout << "账号已创建 / account created: " << row.username << " (" << domain::role_code(row.role) << ", "
            << row.organisation_name << ")\n";
  return 0;
}

int reset_password(const Config& config, const std::string& username, const std::string& password_file) {
  storage::Database db(database_config(config, 1));
  auto account =
      db.read([&](storage::ReadTx& tx) { return storage::AccountRepository(tx).find_by_username(username); });
  if (!account) {
    std::cerr << "没有该账号 / no such account: " << username << "\n";
    return 2;
  }
  auto password = read_password(password_file);
  if (!password) return 2;
  services::AccountChanges changes;
  changes.password = *password;
  services::PasswordHasher hasher(password_cost(config));
  services::Accounts(db, hasher).Update(cli_actor("reset-password"), account->id, changes);
  std::cout << "密码已重置，该账号的所有会话已结束 / password reset, every session of the account ended: " << username
            << "\n";
  return 0;
}

namespace {

// The actor of `--as USERNAME` (that account's role and scope), or the system's when `as` is
// empty; nullopt (after saying so) when there is no such account.
std::optional<services::Actor> actor_as(storage::Database& db, const std::string& as, const std::string& what) {
  services::Actor actor = cli_actor(what);
  if (as.empty()) return actor;
  auto account = db.read([&](storage::ReadTx& tx) { return storage::AccountRepository(tx).find_by_username(as); });
  if (!account) {
    std::cerr << "没有该账号 / no such account: " << as << "\n";
    return std::nullopt;
  }
  actor.name = "cli:as:" + as;
  actor.account_id = account->id;
  actor.organisation_id = account->organisation_id;
  actor.role = account->role;
  actor.scope = domain::scope_of(account->role, account->organisation_id, account->organisation_path);
  return actor;
}

int write_download(const services::Download& d, const std::string& out) {
  std::ofstream file(out, std::ios::binary);
  if (!(file << d.bytes) || !file.flush()) {
    std::cerr << "无法写入 / cannot write " << out << "\n";
    return 1;
  }
  std::cout << out << " (" << d.bytes.size() << " bytes)\n";
  return 0;
}

}  // namespace

int write_template(const Config& config, const std::string& kind, const std::string& out) {
  services::SheetRequest request;
  try {
    request = services::parse_sheet_kind(kind);
  } catch (const domain::DomainError& e) {  // a bad argument
    std::cerr << "参数错误 / bad arguments: " << e.message_zh() << "\n";
    return 2;
  }
  storage::Database db(database_config(config, 1));
  services::Registry registry(db, domain::today_in_china);
  return write_download(services::Spreadsheets(db, registry).Template(request), out);
}

int export_roster(const Config& config, const ExportRequest& request) {
  storage::Database db(database_config(config, 1));
  auto actor = actor_as(db, request.as, "export");
  if (!actor) return 2;
  services::Registry registry(db, domain::today_in_china);
  return write_download(services::Spreadsheets(db, registry).Roster(*actor, request.within, request.on, request.full),
                        request.out);
}

int export_list(const Config& config, const std::string& kind, const ExportRequest& request) {
  storage::Database db(database_config(config, 1));
  auto actor = actor_as(db, request.as, "export");
  if (!actor) return 2;
  services::Registry registry(db, domain::today_in_china);
  auto today = [&registry] { return registry.today(); };
  services::Staffing staffing(db, today);
  services::Archives archives(db, today);
  services::AuditTrail audit(db);
  services::Exports exports(db, registry, staffing, archives, audit);
  const domain::OrganisationId within = request.within;
  services::ArchiveQuery archive_query;
  archive_query.within = within;
  if (kind == "people") {
    services::PeopleQuery query;
    query.organisation_id = within;
    query.on = request.on;
    return write_download(exports.People(*actor, query, request.full), request.out);
  }
  if (kind == "children") return write_download(exports.Children(*actor, within), request.out);
  if (kind == "failing") return write_download(exports.Failing(*actor, within, request.on), request.out);
  if (kind == "audit") {
    services::AuditQuery query;
    query.within = within;
    return write_download(exports.Audit(*actor, query), request.out);
  }
  if (kind == "outstanding-women")
    return write_download(exports.OutstandingWomen(*actor, archive_query, request.full), request.out);
  if (kind == "social-organisations")
    return write_download(exports.SocialOrganisations(*actor, archive_query, request.full), request.out);
  std::cerr << "参数错误 / bad arguments: " << kind << "\n";
  return 2;
}

int write_form(const Config& config, const FormRequest& request) {
  if (request.format != "json" && request.format != "xlsx" && request.format != "pdf") {
    std::cerr << "参数错误 / bad arguments: --format json|xlsx|pdf\n";
    return 2;
  }
  if (request.format != "json" && request.out.empty()) {
    std::cerr << "参数错误 / bad arguments: " << request.format << " needs -o FILE\n";
    return 2;
  }
  storage::Database db(database_config(config, 1));
  auto actor = actor_as(db, request.as, "form");
  if (!actor) return 2;
  services::Registry registry(db, domain::today_in_china);
  services::PdfRenderer pdf;  // in this process: the command ends soon after
  services::Forms forms(db, pdf, [&registry] { return registry.today(); });
  services::FormQuery query{request.form, request.within, request.on, request.baseline, request.full,
                            request.campaign};
  try {
    if (request.format == "xlsx") return write_download(forms.Workbook(*actor, query), request.out);
    if (request.format == "pdf") return write_download(forms.Pdf(*actor, query), request.out);
    const std::string text = std::move(http::json_of(http::dto::form_report, forms.Report(*actor, query))).take();
    if (request.out.empty()) {
      std::cout << text << "\n";
      return 0;
    }
    return write_download({request.out, text}, request.out);
  } catch (const domain::DomainError& e) {
    if (e.code() != "invalid_form") throw;
    std::cerr << "参数错误 / bad arguments: " << e.message_zh() << "\n";
    return 2;
  }
}

int import_file(const Config& config, const ImportRequest& request) {
  std::ifstream in(request.file, std::ios::binary);
  if (!in) {
    std::cerr << "无法读取文件 / cannot read " << request.file << "\n";
    return 2;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  storage::Database db(database_config(config, 1));
  auto actor = actor_as(db, request.as, "import");
  if (!actor) return 2;
  services::Registry registry(db, domain::today_in_china);
  const std::string name = std::filesystem::path(request.file).filename().string();
  const services::CommitOptions options{request.skip_invalid, request.override_reason, {}};
  auto run = [&](auto&& importer) {
    return request.commit ? importer.Commit(*actor, bytes, name, request.within, options)
                          : importer.DryRun(*actor, bytes, name, request.within);
  };
  const auto kind = services::parse_import_kind(request.kind).value_or(services::ImportKind::kRoster);
  services::ImportReport report;
  try {
    report = kind == services::ImportKind::kRoster ? run(services::Importing(db, registry))
                                                   : run(services::ArchiveImporting(db, registry, kind));
  } catch (const domain::DomainError& e) {
    // No --within for an account without an organisation, a blank --override-reason: bad arguments.
    if (e.kind() != domain::ErrorKind::kInvalid || (e.field() != "within" && e.field() != "override_reason")) throw;
    std::cerr << "参数错误 / bad arguments: " << e.message_zh() << " / " << e.message_en() << "\n";
    return 2;
  }
  if (request.json) {
    nlohmann::json out = {{"file", report.file_name}, {"sha256", report.sha256}, {"sheet", report.sheet},
                          {"header_row", report.header_row}, {"rows", report.rows}, {"valid", report.valid},
                          {"invalid", report.invalid}, {"created_people", report.created_people},
                          {"updated_people", report.updated_people}, {"created_positions", report.created_positions},
                          {"updated_positions", report.updated_positions},
                          {"created_entries", report.created_entries}, {"updated_entries", report.updated_entries},
                          {"unchanged", report.unchanged}, {"warnings", report.warnings},
                          {"committed", report.committed}, {"bodies", nlohmann::json::array()},
                          {"errors", nlohmann::json::array()}};
    for (const auto& b : report.bodies)
      out["bodies"].push_back({{"organisation_id", b.organisation_id}, {"organisation_name", b.organisation_name},
                               {"members", b.members}});
    for (const auto& e : report.errors)
      out["errors"].push_back({{"sheet", e.sheet}, {"row", e.row}, {"column", e.column}, {"code", e.code},
                               {"message", e.message}});
    // The results are written one row at a time: as one JSON tree, 100,000 rows took 60 MB more.
    std::string head = out.dump(1);
    head.resize(head.size() - 2);  // "\n}"
    std::cout << head << ",\n \"results\": [";
    bool first = true;
    for (const auto& r : report.results) {
      nlohmann::json changes = nlohmann::json::array();
      for (const auto& c : r.person_changes) changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
      nlohmann::json position_changes = nlohmann::json::array();
      for (const auto& c : r.position_changes)
        position_changes.push_back({{"field", c.field}, {"before", c.before}, {"after", c.after}});
      nlohmann::json line = {{"row", r.row}, {"outcome", std::string(services::outcome_code(r.outcome))}, {"name", r.name},
                             {"creates_person", r.creates_person}, {"person_changes", changes},
                             {"creates_position", r.creates_position}, {"position_changes", position_changes},
                             {"organisation", r.organisation ? nlohmann::json(*r.organisation) : nlohmann::json()},
                             {"role", r.role_label ? nlohmann::json(*r.role_label) : nlohmann::json()}};
      std::cout << (first ? "\n  " : ",\n  ") << line.dump();
      first = false;
    }
    std::cout << (first ? "]\n}\n" : "\n ]\n}\n");
  } else {
    if (request.commit && !report.committed) {
      const auto why = services::why_not_imported(report, request.skip_invalid);
      std::cout << why.message_zh << " / " << why.message_en << "\n";
    }
    std::cout << (report.committed ? "已导入 / committed: "
                  : request.commit ? "未导入 / not committed: "
                                   : "预演 / dry run: ")
              << report.file_name << "，工作表“" << report.sheet << "”，共" << report.rows << "行：新增人员 "
              << report.created_people;
    if (kind == services::ImportKind::kRoster)
      std::cout << "，更新人员 " << report.updated_people << "，新增任职 " << report.created_positions << "，更正任职 "
                << report.updated_positions;
    else
      std::cout << "，新增条目 " << report.created_entries << "，更新条目 " << report.updated_entries;
    std::cout << "，未变 " << report.unchanged << "，有错误 " << report.invalid << "\n";
    for (const auto& w : report.warnings) std::cout << "提示：" << w << "\n";
    for (const auto& e : report.errors)
      std::cout << "第" << e.row << "行" << (e.column.empty() ? "" : "“" + e.column + "”列") << "：" << e.message << "\n";
    for (const auto& b : report.bodies) std::cout << b.organisation_name << "：现有成员 " << b.members << " 人\n";
  }
  return report.invalid > 0 ? kExitFindings : 0;
}

int list_accounts(const Config& config, const std::string& as) {
  storage::Database db(database_config(config, 1));
  auto found_actor = actor_as(db, as, "accounts");
  if (!found_actor) return 2;
  const services::Actor& actor = *found_actor;
  storage::PageSpec page;
  page.page_size = 200;
  services::PasswordHasher hasher(password_cost(config));  // listing hashes nothing
  for (int n = 1;; ++n) {
    page.page = n;
    auto found = services::Accounts(db, hasher).List(actor, {}, std::nullopt, page);
    for (const auto& a : found.items)
      std::cout << std::left << std::setw(20) << a.username << std::setw(18) << domain::role_code(a.role)
                << std::setw(8) << (a.active ? "active" : "off") << a.organisation_name << "\n";
    if (static_cast<long long>(n) * page.page_size >= found.total) break;
  }
  return 0;
}

}  // namespace jinguo::app
