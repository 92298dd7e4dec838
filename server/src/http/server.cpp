#include "http/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <filesystem>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "domain/campaign/attachment.h"
#include "http/api.h"
#include "http/archive_routes.h"
#include "http/campaign_routes.h"
#include "http/certificate_routes.h"
#include "http/contact_routes.h"
#include "http/form_routes.h"
#include "http/import_routes.h"
#include "http/meeting_routes.h"
#include "http/metrics_route.h"
#include "http/nomination_routes.h"
#include "http/notice_routes.h"
#include "http/observability.h"
#include "http/spreadsheet_routes.h"
#include "http/static_files.h"
#include "http/openapi_document.h"
#include "http/staffing_routes.h"

namespace jinguo::http {

namespace {

// Attempts to self-nominate with one ID number in an hour (per server; the daily cap of stored
// ones is in the database).
constexpr int kSelfNominationAttemptsPerHour = 10;

// httplib::Server with access to its listening socket, so that the backlog (hard-coded
// to 5 in the Debian build) can be raised after binding.
class ListeningServer : public httplib::Server {
 public:
  socket_t listening_socket() const { return svr_sock_; }
};

void send_json_error(httplib::Response& res, const domain::DomainError& e) { send(res, error_reply(e)); }

// On every answer, the API's and the web app's alike.
httplib::Headers security_headers() {
  return {{"Content-Security-Policy",
           "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"},
          {"X-Frame-Options", "DENY"},
          {"X-Content-Type-Options", "nosniff"},
          {"Referrer-Policy", "no-referrer"}};
}

// POST /api/submissions/{id}/attachments: its body refused unread gets the attachment's limit.
bool is_attachment_upload(const std::string& path) {
  return path.starts_with("/api/submissions/") && path.ends_with("/attachments");
}

// Where the web application is reached from outside: as configured, or as served.
std::string public_url(const HttpConfig& c) {
  if (!c.public_url.empty()) return c.public_url;
  const std::string host = c.host == "0.0.0.0" || c.host.empty() ? "127.0.0.1" : c.host;
  return "http://" + host + ":" + std::to_string(c.port);
}

}  // namespace

class HttpServer::Impl {
 public:
  Impl(HttpConfig config, const Services& wired, storage::Database& db)
      : config_(std::move(config)),
        staffing_(db, [&registry = wired.registry] { return registry.today(); }, wired.held_index),
        home_(db, staffing_, [&registry = wired.registry] { return registry.today(); }),
        archives_(db, [&registry = wired.registry] { return registry.today(); }),
        contacts_(db, [&registry = wired.registry] { return registry.today(); }),
        reelections_(db, [&registry = wired.registry] { return registry.today(); }),
        spreadsheets_(db, wired.registry),
        audit_trail_(db),
        exports_(db, wired.registry, staffing_, archives_, audit_trail_),
        imports_(db, wired.registry),
        forms_(db, wired.pdf, [&registry = wired.registry] { return registry.today(); }, wired.held_index),
        campaigns_(db, forms_, staffing_, [&registry = wired.registry] { return registry.today(); }),
        spot_checks_(db, [&registry = wired.registry] { return registry.today(); }),
        submission_files_(db),
        campaign_scores_(db, staffing_),
        certificates_(db, wired.pdf, [&registry = wired.registry] { return registry.today(); }, public_url(config_)),
        public_limit_(config_.public_requests_per_minute),
        nominations_(db, [&registry = wired.registry] { return registry.today(); }),
        meetings_(db, [&registry = wired.registry] { return registry.today(); }),
        notices_(db, wired.pdf, [&registry = wired.registry] { return registry.today(); }, public_url(config_)),
        id_number_limit_(kSelfNominationAttemptsPerHour, std::chrono::hours(1)) {
    services::Registry& registry = wired.registry;
    const int threads = config_.threads > 0 ? config_.threads : 64;
    server_.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server_.set_tcp_nodelay(true);
    // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a second server started
    // on a port already in use binds it too and the kernel splits the connections between them.
    server_.set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    });
    server_.set_keep_alive_max_count(10000);
    // On SIGTERM, httplib's threads end only when their connection does: an idle keep-alive
    // connection holds its thread (and so the stop) for up to this long. 5 s keeps the stop
    // within 10 s; shutting such sockets down instead was tried and also cut the answers in
    // flight (httplib checks that the peer is alive before writing). A proxy in front keeps
    // its idle upstream connections for less (nginx: keepalive_timeout 4s in the upstream).
    server_.set_keep_alive_timeout(5);
    server_.set_read_timeout(30);
    // httplib reads an upload's size at most (and discards larger bodies unread); every
    // other route refuses more than max_body (Api).
    server_.set_payload_max_length(std::max(config_.max_body, kMaxReadBody));

    server_.set_default_headers(security_headers());
    Api api(server_, wired.auth, config_.secure_cookies, config_.max_body, config_.trusted_proxies);
    add_meta_routes(api, registry, db);
    add_auth_routes(api, wired.auth, registry);
    add_account_routes(api, wired.accounts);
    add_audit_routes(api, audit_trail_);
    add_organisation_routes(api, registry);
    add_people_routes(api, registry);
    add_position_routes(api, registry);
    add_staffing_routes(api, staffing_);
    add_home_routes(api, home_);
    add_dictionary_routes(api, registry);
    add_archive_routes(api, archives_);
    add_contact_routes(api, contacts_, reelections_);
    add_spreadsheet_routes(api, spreadsheets_);
    add_export_routes(api, exports_);
    add_import_routes(api, imports_);
    add_form_routes(api, forms_);
    add_campaign_routes(api, {campaigns_, spot_checks_, submission_files_, campaign_scores_});
    add_certificate_routes(api, certificates_, public_limit_);
    add_nomination_routes(api, nominations_);
    add_meeting_routes(api, meetings_);
    add_notice_routes(api, notices_, public_limit_, id_number_limit_);
    server_.Get("/api/openapi.json", [](const httplib::Request&, httplib::Response& res) {
      res.set_content(std::string(openapi_document()), "application/json; charset=utf-8");
    });
    add_metrics_route(server_, {db, config_.metrics_token});
    observe_requests(server_, config_.json_logs ? LogFormat::kJson : LogFormat::kText, config_.trusted_proxies);

    std::error_code ec;
    const std::filesystem::path web_root = config_.web_root;
    if (!web_root.empty() && std::filesystem::is_directory(web_root, ec))
      web_ = std::make_unique<StaticFiles>(web_root);
    else
      spdlog::warn("web app folder {} not found: serving the API only", config_.web_root);
    // Not through httplib's mount points: they compressed each file afresh for every request and
    // looked for a file on disk before every API request (http/static_files.h).
    auto fallback = [this](const httplib::Request& req, httplib::Response& res) {
      const bool api = req.path.rfind("/api/", 0) == 0 || req.path == "/api";
      if (api || (req.method != "GET" && req.method != "HEAD") || !web_) {
        send_json_error(res, domain::not_found("", "请求的地址不存在", "no such route"));
        return;
      }
      // The build names every file in assets/ by its content's hash: a browser keeps it for good
      // instead of fetching it on each page load. One missing is a 404 (a page naming an asset
      // of another build), not the page: a script answered with HTML fails obscurely.
      if (req.path.starts_with("/assets/")) {
        if (!web_->serve(req.path, req, res, {{"Cache-Control", "public, max-age=31536000, immutable"}}))
          send_json_error(res, domain::not_found("", "请求的文件不存在", "no such file"));
        return;
      }
      // A file of the web root, or else a page of the web app (its client-side routes): index.html.
      if (web_->serve(req.path, req, res) || web_->serve("/index.html", req, res)) return;
      send_json_error(res, domain::not_found("", "请求的地址不存在", "no such route"));
    };
    server_.Get(".*", fallback);
    server_.Post(".*", fallback);
    server_.Put(".*", fallback);
    server_.Patch(".*", fallback);
    server_.Delete(".*", fallback);

    // Errors httplib answers itself (body too large, bad request line): the same shape.
    server_.set_error_handler([max_body = config_.max_body](const httplib::Request& req, httplib::Response& res) {
      if (!res.body.empty()) return;
      if (res.status == 413)
        send_json_error(res, req.path == "/api/imports"                   ? services::file_too_large()
                             : is_attachment_upload(req.path) ? domain::campaign::attachment_too_large()
                                                              : body_too_large(max_body));
      else if (res.status == 404)
        send_json_error(res, domain::not_found("", "请求的地址不存在", "no such route"));
      else if (res.status >= 400 && res.status < 500)
        send_json_error(res, domain::malformed("bad_request", "", "请求格式错误", "malformed request"));
    });
    server_.set_exception_handler([](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
      send(res, error_reply(ep, req));
    });
  }

  bool bind() {
    if (!server_.bind_to_port(config_.host, config_.port)) return false;
    // Raise the backlog from httplib's 5: a second listen() on the bound socket does it.
    if (::listen(server_.listening_socket(), config_.backlog) != 0)
      spdlog::warn("could not raise the listen backlog to {}", config_.backlog);
    return true;
  }
  bool run() { return server_.listen_after_bind(); }
  void stop() { server_.stop(); }

 private:
  HttpConfig config_;
  services::Staffing staffing_;  // the registry's database and clock
  services::Home home_;
  services::Archives archives_;  // the registry's database and clock
  services::Contacts contacts_;  // the registry's database and clock
  services::Reelections reelections_;  // the registry's database and clock
  services::Spreadsheets spreadsheets_;
  services::AuditTrail audit_trail_;
  services::Exports exports_;
  services::ImportJobs imports_;  // its worker thread stops before the database goes
  services::Forms forms_;
  services::Campaigns campaigns_;  // computes the forms it freezes through forms_
  services::SpotChecks spot_checks_;
  services::SubmissionFiles submission_files_;
  services::CampaignScores campaign_scores_;
  services::Certificates certificates_;  // the registry's database and clock
  RateLimit public_limit_;               // the public pages, per address
  services::Nominations nominations_;  // the registry's database and clock
  services::Meetings meetings_;        // the registry's database and clock
  services::Notices notices_;          // the registry's database and clock
  RateLimit id_number_limit_;          // self-nominations, per ID number
  std::unique_ptr<StaticFiles> web_;  // null without a web app folder
  ListeningServer server_;
};

HttpServer::HttpServer(HttpConfig config, const Services& wired, storage::Database& db)
    : impl_(std::make_unique<Impl>(std::move(config), wired, db)) {}
HttpServer::~HttpServer() = default;
bool HttpServer::bind() { return impl_->bind(); }
bool HttpServer::run() { return impl_->run(); }
void HttpServer::stop() { impl_->stop(); }

}  // namespace jinguo::http
