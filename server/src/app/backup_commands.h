#pragma once
// `jinguo backup` and `jinguo restore` (docs/backup.md). Exit codes:
//   0  done
//   1  failed: the database cannot be reached, pg_dump / pg_restore failed, a copy fails
//      its integrity check (nothing is left under the backup's name)
//   2  bad arguments: a missing or unreadable file, not a SQLite file, not a pg_dump
//      archive, not a Jinguo backup, no such output folder
//   3  restore refused: the target database holds tables (named in the message); --force
#include <string>

#include "app/config.h"

namespace jinguo::app {

inline constexpr int kExitTargetNotEmpty = 3;

struct BackupRequest {
  std::string out;
};

struct RestoreRequest {
  std::string in;
  bool force = false;
};

// Writes a backup of config.database to request.out.
int backup(const Config& config, const BackupRequest& request);
// Restores request.in into config.database, then applies the migrations this binary has
// and the backup lacks, and reports the schema version.
int restore(const Config& config, const RestoreRequest& request);

}  // namespace jinguo::app
