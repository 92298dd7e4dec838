// `jinguo serve` on a port another server already listens on exits with its Chinese message
// instead of starting: cpp-httplib's default socket options set SO_REUSEPORT, with which a
// second server bound the same port and the kernel split the connections between two
// servers, each perhaps on its own database (it happened between two helpers' demo servers).
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "api_client.h"

namespace {

TEST(Listen, ASecondServerOnAPortInUseDoesNotStart) {
  auto world = jinguo::api_test::start_world("端口市妇联");
  const pid_t second = jinguo::api_test::spawn({JINGUO_BINARY, "serve", "--database", world.url, "--port",
                                                std::to_string(world.server->port()), "--web-root",
                                                "/nonexistent-web-root"});
  int status = 0;
  pid_t ended = 0;
  for (int i = 0; i < 200 && ended == 0; ++i) {  // up to 10 s
    ended = ::waitpid(second, &status, WNOHANG);
    if (ended == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (ended == 0) {
    ::kill(second, SIGKILL);
    ::waitpid(second, nullptr, 0);
  }
  ASSERT_EQ(ended, second) << "a second server started on a port already in use";
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 1) << status;
  auto health = world.admin->get("/api/health");
  EXPECT_EQ(health.status, 200);  // the first one still serves
}

}  // namespace
