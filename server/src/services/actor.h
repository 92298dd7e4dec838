#pragma once
// Who asks for a change: recorded with every audit event. Accounts come in issue 3;
// until then the HTTP actor is "anonymous" and the CLI actor is "cli".
#include <optional>
#include <string>

namespace jinguo::services {

struct Actor {
  std::string name;
  std::optional<std::string> address;  // client address of an HTTP request
};

}  // namespace jinguo::services
