#include "app/config.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "http/request.h"
#include "services/crypto.h"

namespace jinguo::app {

std::string default_web_root() { return JINGUO_SOURCE_DIR "/web/dist"; }

namespace {

constexpr int kAnyInt = std::numeric_limits<int>::max();  // checked once all layers are read
constexpr int kMinSqliteCacheKib = 64, kMaxSqliteCacheKib = 1 << 20;  // 64 KiB to 1 GiB a connection

int to_int(const std::string& name, const std::string& text, int low, int high) {
  int v = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size() || v < low || v > high)
    throw std::invalid_argument(name + " must be a whole number from " + std::to_string(low) + " to " +
                                std::to_string(high) + ", not '" + text + "'");
  return v;
}

// An IPv4 or IPv6 address as the server sees its peers (no host names: they would be looked up
// on every request, and no ranges: each proxy is named).
std::string proxy_address(const std::string& origin, std::string text) {
  while (!text.empty() && text.front() == ' ') text.erase(0, 1);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (!http::is_ip_address(text))
    throw std::invalid_argument(origin + ": '" + text + "' is not an IP address (trusted_proxies lists the "
                                "addresses of the proxies in front of the server, e.g. 127.0.0.1)");
  return text;
}

std::vector<std::string> proxy_list(const std::string& origin, const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = std::min(text.find(',', pos), text.size());
    if (text.find_first_not_of(' ', pos) < end) out.push_back(proxy_address(origin, text.substr(pos, end - pos)));
    pos = end + 1;
  }
  return out;
}

// The password hash's cost, from whichever layer it came: no weaker than OWASP's argon2id
// settings (services/crypto.h), and not so strong that a sign-in takes the server's memory.
void check_password_cost(const Config& c) {
  if (c.password_passes < services::kMinPasswordPasses || c.password_passes > services::kMaxPasswordPasses)
    throw std::invalid_argument("password_passes must be a whole number from " +
                                std::to_string(services::kMinPasswordPasses) + " to " +
                                std::to_string(services::kMaxPasswordPasses) + ", not " +
                                std::to_string(c.password_passes));
  if (!services::as_strong_as_owasp({c.password_memory_kib, c.password_passes}))
    throw std::invalid_argument("password_memory_kib " + std::to_string(c.password_memory_kib) +
                                " with password_passes " + std::to_string(c.password_passes) +
                                " is weaker than every argon2id setting OWASP recommends (" +
                                services::owasp_settings_text() +
                                ": at least the memory and the passes of one of them); weaker password hashes are refused");
  if (c.password_memory_kib > services::kMaxPasswordMemoryKib)
    throw std::invalid_argument("password_memory_kib " + std::to_string(c.password_memory_kib) +
                                " is more than 1 GiB (" + std::to_string(services::kMaxPasswordMemoryKib) +
                                " KiB) for each sign-in");
}

void apply_file(Config& c, const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot read the configuration file " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto j = nlohmann::json::parse(text.str(), nullptr, false);
  if (j.is_discarded() || !j.is_object()) throw std::invalid_argument(path + " is not a JSON object");
  for (const auto& [key, v] : j.items()) {
    auto text_of = [&] {
      if (!v.is_string()) throw std::invalid_argument(path + ": " + key + " must be a string");
      return v.get<std::string>();
    };
    auto int_of = [&](int low, int high) {
      if (!v.is_number_integer()) throw std::invalid_argument(path + ": " + key + " must be a whole number");
      return to_int(key, std::to_string(v.get<long long>()), low, high);
    };
    if (key == "database") c.database = text_of();
    else if (key == "host") c.host = text_of();
    else if (key == "port") c.port = int_of(0, 65535);
    else if (key == "web_root") c.web_root = text_of();
    else if (key == "threads") c.threads = int_of(1, 4096);
    else if (key == "pool_size") c.pool_size = int_of(1, 512);
    else if (key == "sqlite_cache_kib") c.sqlite_cache_kib = int_of(kMinSqliteCacheKib, kMaxSqliteCacheKib);
    else if (key == "password_hashes") c.password_hashes = int_of(1, 64);
    else if (key == "password_memory_kib") c.password_memory_kib = int_of(0, kAnyInt);
    else if (key == "password_passes") c.password_passes = int_of(0, kAnyInt);
    else if (key == "pdf_renders") c.pdf_renders = int_of(0, 64);
    else if (key == "log_level") c.log_level = text_of();
    else if (key == "secure_cookies") {
      if (!v.is_boolean()) throw std::invalid_argument(path + ": secure_cookies must be true or false");
      c.secure_cookies = v.get<bool>();
    }
    else if (key == "forms_index") {
      if (!v.is_boolean()) throw std::invalid_argument(path + ": forms_index must be true or false");
      c.forms_index = v.get<bool>();
    }
    else if (key == "public_url") c.public_url = text_of();
    else if (key == "log_format") c.log_format = text_of();
    else if (key == "metrics_token") c.metrics_token = text_of();
    else if (key == "trusted_proxies") {
      if (!v.is_array()) throw std::invalid_argument(path + ": trusted_proxies must be a list of addresses");
      c.trusted_proxies.clear();
      for (const auto& a : v) {
        if (!a.is_string()) throw std::invalid_argument(path + ": trusted_proxies must be a list of addresses");
        c.trusted_proxies.push_back(proxy_address(path, a.get<std::string>()));
      }
    }
    else if (key == "public_requests_per_minute") c.public_requests_per_minute = int_of(1, 1000000);
    else if (key == "session_idle_seconds") c.session_idle_seconds = int_of(1, 7 * 24 * 3600);
    else if (key == "session_absolute_seconds") c.session_absolute_seconds = int_of(1, 30 * 24 * 3600);
    else throw std::invalid_argument(path + ": unknown setting " + key);
  }
}

}  // namespace

Environment read_environment(char** envp) {
  Environment env;
  for (char** e = envp; e && *e; ++e) {
    std::string entry(*e);
    auto eq = entry.find('=');
    if (eq != std::string::npos && entry.starts_with("JINGUO_")) env[entry.substr(0, eq)] = entry.substr(eq + 1);
  }
  return env;
}

Config load_config(const ConfigFlags& flags, const Environment& env) {
  Config c;
  auto from_env = [&](const char* name) -> std::optional<std::string> {
    auto it = env.find(name);
    if (it == env.end() || it->second.empty()) return std::nullopt;
    return it->second;
  };
  if (auto file = flags.config_file ? flags.config_file : from_env("JINGUO_CONFIG")) apply_file(c, *file);
  if (auto v = from_env("JINGUO_DATABASE")) c.database = *v;
  if (auto v = from_env("JINGUO_HOST")) c.host = *v;
  if (auto v = from_env("JINGUO_PORT")) c.port = to_int("JINGUO_PORT", *v, 0, 65535);
  if (auto v = from_env("JINGUO_WEB_ROOT")) c.web_root = *v;
  if (auto v = from_env("JINGUO_THREADS")) c.threads = to_int("JINGUO_THREADS", *v, 1, 4096);
  if (auto v = from_env("JINGUO_POOL_SIZE")) c.pool_size = to_int("JINGUO_POOL_SIZE", *v, 1, 512);
  if (auto v = from_env("JINGUO_SQLITE_CACHE_KIB"))
    c.sqlite_cache_kib = to_int("JINGUO_SQLITE_CACHE_KIB", *v, kMinSqliteCacheKib, kMaxSqliteCacheKib);
  if (auto v = from_env("JINGUO_PASSWORD_HASHES")) c.password_hashes = to_int("JINGUO_PASSWORD_HASHES", *v, 1, 64);
  if (auto v = from_env("JINGUO_PASSWORD_MEMORY_KIB"))
    c.password_memory_kib = to_int("JINGUO_PASSWORD_MEMORY_KIB", *v, 0, kAnyInt);
  if (auto v = from_env("JINGUO_PASSWORD_PASSES")) c.password_passes = to_int("JINGUO_PASSWORD_PASSES", *v, 0, kAnyInt);
  if (auto v = from_env("JINGUO_PDF_RENDERS")) c.pdf_renders = to_int("JINGUO_PDF_RENDERS", *v, 0, 64);
  if (auto v = from_env("JINGUO_LOG_LEVEL")) c.log_level = *v;
  if (auto v = from_env("JINGUO_SECURE_COOKIES")) c.secure_cookies = *v == "1" || *v == "true";
  if (auto v = from_env("JINGUO_FORMS_INDEX")) c.forms_index = !(*v == "0" || *v == "false");
  if (auto v = from_env("JINGUO_PUBLIC_URL")) c.public_url = *v;
  if (auto v = from_env("JINGUO_LOG_FORMAT")) c.log_format = *v;
  if (auto v = from_env("JINGUO_METRICS_TOKEN")) c.metrics_token = *v;
  if (auto v = from_env("JINGUO_PUBLIC_REQUESTS_PER_MINUTE"))
    c.public_requests_per_minute = to_int("JINGUO_PUBLIC_REQUESTS_PER_MINUTE", *v, 1, 1000000);
  if (auto v = from_env("JINGUO_TRUSTED_PROXIES")) c.trusted_proxies = proxy_list("JINGUO_TRUSTED_PROXIES", *v);
  if (auto v = from_env("JINGUO_SESSION_IDLE_SECONDS"))
    c.session_idle_seconds = to_int("JINGUO_SESSION_IDLE_SECONDS", *v, 1, 7 * 24 * 3600);
  if (auto v = from_env("JINGUO_SESSION_ABSOLUTE_SECONDS"))
    c.session_absolute_seconds = to_int("JINGUO_SESSION_ABSOLUTE_SECONDS", *v, 1, 30 * 24 * 3600);
  if (flags.database) c.database = *flags.database;
  if (flags.host) c.host = *flags.host;
  if (flags.port) c.port = *flags.port;
  if (flags.web_root) c.web_root = *flags.web_root;
  if (flags.threads) c.threads = *flags.threads;
  if (flags.pool_size) c.pool_size = *flags.pool_size;
  if (flags.sqlite_cache_kib) c.sqlite_cache_kib = *flags.sqlite_cache_kib;
  if (flags.password_hashes) c.password_hashes = *flags.password_hashes;
  if (flags.password_memory_kib) c.password_memory_kib = *flags.password_memory_kib;
  if (flags.password_passes) c.password_passes = *flags.password_passes;
  check_password_cost(c);
  if (flags.pdf_renders) c.pdf_renders = *flags.pdf_renders;
  if (flags.log_level) c.log_level = *flags.log_level;
  if (flags.secure_cookies) c.secure_cookies = *flags.secure_cookies;
  if (flags.session_idle_seconds) c.session_idle_seconds = *flags.session_idle_seconds;
  if (flags.session_absolute_seconds) c.session_absolute_seconds = *flags.session_absolute_seconds;
  if (flags.forms_index) c.forms_index = *flags.forms_index;
  if (flags.public_url) c.public_url = *flags.public_url;
  if (flags.log_format) c.log_format = *flags.log_format;
  if (flags.metrics_token) c.metrics_token = *flags.metrics_token;
  if (c.log_format != "text" && c.log_format != "json")
    throw std::invalid_argument("log_format must be text or json, not '" + c.log_format + "'");
  if (flags.public_requests_per_minute) c.public_requests_per_minute = *flags.public_requests_per_minute;
  if (flags.trusted_proxies) c.trusted_proxies = proxy_list("--trusted-proxies", *flags.trusted_proxies);
  while (c.public_url.ends_with('/')) c.public_url.pop_back();
  if (!c.public_url.empty() && !c.public_url.starts_with("http://") && !c.public_url.starts_with("https://"))
    throw std::invalid_argument("public_url must start with http:// or https://: " + c.public_url);
  return c;
}

}  // namespace jinguo::app
