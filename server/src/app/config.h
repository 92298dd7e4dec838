#pragma once
// One typed configuration, read once in main: a JSON file (--config or JINGUO_CONFIG),
// then the environment (JINGUO_*), then command-line flags.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace jinguo::app {

// The web app built in the source tree (web/dist), for a server started from a build folder.
std::string default_web_root();

struct Config {
  std::string database = "var/jinguo.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string web_root = default_web_root();
  int threads = 64;
  int pool_size = 8;
  // SQLite: the page cache of each of the server's pool_size connections, in KiB. 512, not
  // SQLite's 2000: under 64 users every connection filled its cache, 8 x 2 MiB, ~10 MiB of the
  // server's peak (bench/README.md, Memory), and the pages are in the OS's cache anyway.
  int sqlite_cache_kib = 512;
  // Password hashes (argon2id: password_memory_kib and a moment of a core each, at every
  // sign-in) computed at once; further sign-ins wait their turn (bench/README.md, Memory).
  int password_hashes = 2;
  // The cost of one password hash (services::PasswordCost): m = 9 MiB, t = 4 by default, one
  // of OWASP's equally strong argon2id settings, and no weaker than all of them; more memory or
  // passes for a stronger hash. Hashes made with other parameters still verify and are
  // replaced at their next sign-in.
  int password_memory_kib = 9216;
  int password_passes = 4;
  // PDFs (forms, certificates, posters) drawn at once, each in a short-lived `jinguo render`
  // process (~85 MiB of fonts and font caches that leave with it); more wait their turn. 0:
  // drawn inside the server, which then keeps those ~85 MiB (services/pdf_renderer.h).
  int pdf_renders = 2;
  std::string log_level = "info";
  bool secure_cookies = false;        // served over TLS (directly or behind a proxy)
  int session_idle_seconds = 30 * 60;
  int session_absolute_seconds = 12 * 3600;
  // The counting forms and the compliance pages read a per-process index of the registry
  // (storage/held_index.h); off, they count in SQL (the reference, and the bench's baseline).
  bool forms_index = true;
  // Where people reach the web application from outside: the certificates' QR codes point
  // there. Empty: http://host:port as served.
  std::string public_url;
  // The public pages (certificate verification): requests a minute from one address.
  int public_requests_per_minute = 60;
  // Logs: "text" for people, "json" for a log collector (one JSON object a line, and one
  // line per request).
  std::string log_format = "text";
  // /metrics from another machine with "Authorization: Bearer <token>"; empty: only from
  // this machine, not through a proxy.
  std::string metrics_token;
  // The proxies (nginx in front of several servers) whose X-Forwarded-For / X-Real-IP are
  // believed: the client's address is then the one they name (rate limits, failed sign-ins
  // and the audit's "from where" use it). From anyone else those headers are ignored, or a
  // client could name any address it likes.
  std::vector<std::string> trusted_proxies;
};

// Overrides given on the command line (unset: keep the earlier layer).
struct ConfigFlags {
  std::optional<std::string> config_file, database, host, web_root, log_level, public_url, log_format, metrics_token;
  std::optional<std::string> trusted_proxies;  // addresses separated by commas
  std::optional<int> port, threads, pool_size, sqlite_cache_kib, password_hashes, password_memory_kib, password_passes, pdf_renders,
      session_idle_seconds, session_absolute_seconds, public_requests_per_minute;
  std::optional<bool> secure_cookies, forms_index;
};

using Environment = std::map<std::string, std::string>;

Environment read_environment(char** envp);

// Throws std::invalid_argument with a message naming the bad value.
Config load_config(const ConfigFlags& flags, const Environment& env);

}  // namespace jinguo::app
