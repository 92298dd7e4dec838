#pragma once
// The numbered SQL migrations (server/migrations/NNNN_*.sql), compiled into the binary
// by server/cmake/embed_resources.cmake, in order.
#include <span>
#include <string_view>

namespace jinguo::storage {

struct MigrationSource {
  std::string_view name;  // "0001_registry.sql"
  std::string_view sql;
};

std::span<const MigrationSource> migration_sources();

}  // namespace jinguo::storage
