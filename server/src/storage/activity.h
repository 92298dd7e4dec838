#pragma once
// What /metrics and /api/health read of the database: the pools' use in this process
// (counted where a unit of work leases its connection, database.cpp), a ping that does not
// wait long for a connection, and counts of stored state.
#include <chrono>
#include <cstdint>

#include "storage/database.h"

namespace jinguo::storage {

struct PoolUse {
  std::int64_t connections = 0;  // in the pools of this process
  std::int64_t in_use = 0;       // leased now
  std::uint64_t waits = 0;       // leases that found no connection free
  double wait_seconds = 0;       // their total time waiting for one
};
PoolUse pool_use();

// SELECT 1 on a pooled connection, waiting at most `wait` for one: false if none came free;
// throws if the database does not answer.
bool ping_within(Database& db, std::chrono::milliseconds wait);

struct StoredActivity {
  std::int64_t sessions_active = 0;      // neither idle nor past their absolute end
  std::int64_t imports_in_progress = 0;  // checking or committing (of every server on this database)
};
StoredActivity stored_activity(const ReadTx& tx, std::int64_t now);

}  // namespace jinguo::storage
