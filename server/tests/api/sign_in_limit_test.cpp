// Sixteen people signing in at the same moment: each password check (argon2id) fills its memory,
// and the server computes at most --password-hashes of them at once, the others waiting their
// turn (services/crypto_limit.h). All sixteen get in; the server's peak memory stays near one
// hash's worth above its base (unlimited, sixteen 64 MiB hashes at once took it past 1 GB),
// and the memory is given back to the system afterwards.
#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "api_client.h"

namespace {

using jinguo::api_test::Client;

// A field of /proc/PID/status in MiB (VmRSS, VmHWM).
double status_mib(pid_t pid, const std::string& field) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.starts_with(field + ":")) return std::stod(line.substr(field.size() + 1)) / 1024;
  ADD_FAILURE() << "no " << field << " for " << pid;
  return 0;
}

TEST(SignInLimit, SixteenAtOnceAllGetInOneHashAtATime) {
  auto world = jinguo::api_test::start_world("登录市妇联");
  world.admin.reset();
  world.server.reset();
  // More threads than people, so that all sixteen reach the limit at once. Hashes of 32 MiB, more
  // than the default 9 MiB, to stand out of the rest of the server's memory: the first sign-in
  // verifies the stored (default) hash and stores one of 32 MiB, which the others then verify.
  constexpr int kHashMib = 32;
  jinguo::api_test::Server server(world.url, {"--threads", "24", "--password-hashes", "1", "--password-memory-kib",
                                              std::to_string(kHashMib * 1024), "--password-passes", "2"});
  const double base = status_mib(server.pid(), "VmRSS");

  constexpr int kPeople = 16;
  std::vector<int> statuses(kPeople, 0);
  std::vector<std::thread> people;
  for (int i = 0; i < kPeople; ++i)
    people.emplace_back([&, i] {
      // The waiting ones wait longer than httplib's default 5 s read timeout.
      httplib::Client c("127.0.0.1", server.port());
      c.set_read_timeout(std::chrono::seconds(120));
      const auto r = c.Post("/api/auth/login",
                            jinguo::api_test::json{{"username", "admin"}, {"password", jinguo::api_test::kAdminPassword}}
                                .dump(),
                            "application/json");
      statuses[i] = r ? r->status : -1;
      if (statuses[i] != 200) return;
      Client me(server.port());
      me.set_cookie(r->get_header_value("Set-Cookie").substr(0, r->get_header_value("Set-Cookie").find(';')));
      if (me.get("/api/auth/me").status != 200) statuses[i] = -2;
    });
  for (auto& p : people) p.join();
  for (int i = 0; i < kPeople; ++i) EXPECT_EQ(statuses[i], 200) << "sign-in " << i;

  const double peak = status_mib(server.pid(), "VmHWM");
  const double after = status_mib(server.pid(), "VmRSS");
  // One hash at a time: the base, one hash, and some room (sixteen at once: base + 512 MiB).
  EXPECT_LT(peak, base + kHashMib + 48) << "base " << base << " MiB";
  // The hash's memory is unmapped after it, not kept by the allocator.
  EXPECT_LT(after, peak - kHashMib * 2 / 3) << "base " << base << " MiB";
}

}  // namespace
