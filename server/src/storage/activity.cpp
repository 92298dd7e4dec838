#include "storage/activity.h"

#include "storage/query.h"

namespace jinguo::storage {

namespace {

constexpr const char* kCountActiveSessions =
    "SELECT COUNT(*) FROM sessions WHERE expires_at > :now1 AND absolute_expires_at > :now2";
constexpr const char* kCountImportsInProgress = "SELECT COUNT(*) FROM imports WHERE state IN ('checking', 'committing')";

}  // namespace

StoredActivity stored_activity(const ReadTx& tx, std::int64_t now) {
  StoredActivity out;
  long long a = now, b = now, sessions = 0, imports = 0;
  Query count_sessions(tx.sql());
  count_sessions.use(a).use(b).into(sessions);
  count_sessions.run(kCountActiveSessions);
  Query count_imports(tx.sql());
  count_imports.into(imports);
  count_imports.run(kCountImportsInProgress);
  out.sessions_active = sessions;
  out.imports_in_progress = imports;
  return out;
}

}  // namespace jinguo::storage
