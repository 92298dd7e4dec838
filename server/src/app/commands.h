#pragma once
// The composition root: each command wires configuration → database → services → http.
#include <cstdint>

#include "app/config.h"

namespace jinguo::app {

int serve(const Config& config);
int migrate(const Config& config);
int check_db(const Config& config);
int demo(const Config& config, std::uint64_t seed, bool force);

}  // namespace jinguo::app
