#pragma once
// Shared by the API suites: start the real binary on a fresh database, sign in, and
// call routes with the session cookie and the CSRF token.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "../support/test_database.h"
#include "domain/id_number.h"

namespace jinguo::api_test {

using nlohmann::json;

inline int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

inline int run(const std::vector<std::string>& args) {
  int status = 0;
  ::waitpid(spawn(args), &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// Runs the binary with `args` (without the binary itself), its standard output into
// `out_file`; returns the exit code.
inline int run_to_file(std::vector<std::string> args, const std::string& out_file) {
  args.insert(args.begin(), JINGUO_BINARY);
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

struct Answer {
  int status = 0;
  json body;
  httplib::Headers headers;
};

// A running `jinguo serve` on its own port: 8 threads and no web app unless `extra` names its own.
class Server {
 public:
  Server(const std::string& url, std::vector<std::string> extra = {}) : port_(free_port()) {
    std::vector<std::string> args{JINGUO_BINARY, "serve", "--database", url, "--port", std::to_string(port_)};
    auto named = [&extra](const char* flag) { return std::find(extra.begin(), extra.end(), flag) != extra.end(); };
    if (!named("--threads")) args.insert(args.end(), {"--threads", "8"});
    if (!named("--web-root")) args.insert(args.end(), {"--web-root", "/nonexistent-web-root"});
    args.insert(args.end(), extra.begin(), extra.end());
    pid_ = spawn(args);
    httplib::Client c("127.0.0.1", port_);
    for (int i = 0; i < 200; ++i) {
      if (auto r = c.Get("/api/health"); r && r->status == 200) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the server did not answer /api/health";
  }
  ~Server() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  int port() const { return port_; }
  pid_t pid() const { return pid_; }  // its memory is in /proc/PID

 private:
  int port_;
  pid_t pid_ = -1;
};

// A browser-like client: the cookie of its session and the CSRF token.
class Client {
 public:
  explicit Client(int port) : port_(port) {}
  Answer login(const std::string& username, const std::string& password) {
    auto a = call("POST", "/api/auth/login", json{{"username", username}, {"password", password}}.dump());
    if (a.status == 200) {
      csrf_ = a.body.value("csrf_token", "");
      for (const auto& [key, value] : a.headers)
        if (key == "Set-Cookie" && value.starts_with("jinguo_session=")) cookie_ = value.substr(0, value.find(';'));
    }
    return a;
  }
  Answer call(const std::string& method, const std::string& path, const std::string& body = "",
              httplib::Headers extra = {}) {
    httplib::Client c("127.0.0.1", port_);
    httplib::Headers headers = extra;
    if (!cookie_.empty()) headers.emplace("Cookie", cookie_);
    if (send_csrf_ && !csrf_.empty() && method != "GET") headers.emplace("X-CSRF-Token", csrf_);
    httplib::Result r = method == "GET"     ? c.Get(path, headers)
                        : method == "POST"  ? c.Post(path, headers, body, "application/json")
                        : method == "PATCH" ? c.Patch(path, headers, body, "application/json")
                        : method == "PUT"   ? c.Put(path, headers, body, "application/json")
                                            : c.Delete(path, headers, body, "application/json");
    EXPECT_TRUE(r) << method << " " << path;
    if (!r) return {};
    return {r->status, json::parse(r->body, nullptr, false), r->headers};
  }
  Answer get(const std::string& path) { return call("GET", path); }
  Answer post(const std::string& path, const json& body) { return call("POST", path, body.dump()); }
  Answer patch(const std::string& path, const json& body) { return call("PATCH", path, body.dump()); }
  void set_cookie(const std::string& cookie) { cookie_ = cookie; }
  const std::string& cookie() const { return cookie_; }
  const std::string& csrf() const { return csrf_; }
  void send_csrf(bool on) { send_csrf_ = on; }

 private:
  int port_;
  std::string cookie_, csrf_;
  bool send_csrf_ = true;
};

// Creates the first administrator (and the city she belongs to) on a migrated database.
inline void create_first_admin(const std::string& url, const std::string& username, const std::string& password,
                               const std::string& city) {
  auto file = std::filesystem::temp_directory_path() / ("jinguo-pw-" + std::to_string(::getpid()) + username);
  std::ofstream(file) << password << "\n";
  ASSERT_EQ(run({JINGUO_BINARY, "create-admin", "--database", url, "--username", username, "--new-root", city,
                 "--password-file", file.string()}),
            0);
  std::filesystem::remove(file);
}

// A number written in Chinese digits (一二三…), for test names: a name may not hold digits.
inline std::string han_digits(long long n) {
  static const char* const kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string out;
  for (char c : std::to_string(n)) out += kDigits[c - '0'];
  return out;
}

inline constexpr const char* kAdminPassword = "Test-Root-Secret-2016";

// A valid ID number from its first 17 characters (the check character added).
inline std::string id_number(std::string first17) { return first17 + domain::id_number_check_char(first17); }

// A fresh migrated database with its first administrator (of a new city `city`), a server on
// it, and her signed-in client: what most suites start from.
struct World {
  std::string url;
  std::unique_ptr<Server> server;
  std::unique_ptr<Client> admin;
  long long city = 0;
};

inline World start_world(const std::string& city) {
  World w;
  w.url = test_support::fresh_database_url();
  EXPECT_EQ(run({JINGUO_BINARY, "migrate", "--database", w.url}), 0);
  create_first_admin(w.url, "admin", kAdminPassword, city);
  w.server = std::make_unique<Server>(w.url);
  w.admin = std::make_unique<Client>(w.server->port());
  EXPECT_EQ(w.admin->login("admin", kAdminPassword).status, 200);
  w.city = w.admin->get("/api/auth/me").body["organisation"]["id"];
  return w;
}

// The id of what a POST created (a failure when the answer is not 201).
inline long long created(const Answer& a) {
  EXPECT_EQ(a.status, 201) << a.body.dump();
  return a.body.value("id", 0LL);
}

// A client signed in as `username` on `server`.
inline Client signed_in(const Server& server, const std::string& username, const std::string& password) {
  Client c(server.port());
  EXPECT_EQ(c.login(username, password).status, 200) << username;
  return c;
}

// A refusal: the status, the error's code and (when given) its field; a 409 or 422 says why.
inline void expect_refused(const Answer& a, int status, const std::string& code, const std::string& field = "") {
  EXPECT_EQ(a.status, status) << a.body.dump();
  EXPECT_EQ(a.body["error"]["code"], code) << a.body.dump();
  if (!field.empty()) {
    EXPECT_EQ(a.body["error"]["field"], field) << a.body.dump();
  }
  if (status == 422 || status == 409) {
    EXPECT_FALSE(a.body["error"]["message"].get<std::string>().empty()) << a.body.dump();
  }
}

// The audit records of one entity, newest first (among the latest 200 of its kind), as `admin` reads them.
inline json audit_records_of(Client& admin, const std::string& entity, long long id) {
  json out = json::array();
  const json page = admin.get("/api/audit?entity=" + entity + "&page_size=200").body;
  for (const auto& e : page["items"])
    if (e["entity_id"] == std::to_string(id)) out.push_back(e);
  return out;
}

}  // namespace jinguo::api_test
