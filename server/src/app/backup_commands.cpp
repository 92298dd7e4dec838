#include "app/backup_commands.h"

#include <chrono>
#include <iomanip>
#include <iostream>

#include "domain/error.h"
#include "storage/backup.h"
#include "storage/database.h"

namespace jinguo::app {

namespace {

// The exit code of a refusal (backup_commands.h).
int exit_code_of(const domain::DomainError& e) {
  switch (e.kind()) {
    case domain::ErrorKind::kConflict:
      return kExitTargetNotEmpty;
    case domain::ErrorKind::kInvalid:
    case domain::ErrorKind::kMalformed:
    case domain::ErrorKind::kNotFound:
      return 2;
    default:
      return 1;
  }
}

int refused(const domain::DomainError& e) {
  std::cerr << (exit_code_of(e) == 2 ? "参数错误 / bad arguments: " : "失败 / failed: ") << e.message_zh() << "\n  "
            << e.message_en() << "\n";
  return exit_code_of(e);
}

double seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

int backup(const Config& config, const BackupRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  try {
    auto result = storage::backup_database(config.database, request.out);
    std::cout << "备份完成 / backup written: " << request.out << " (" << result.bytes << " bytes, schema "
              << (result.schema_version.empty() ? "-" : result.schema_version) << ", " << std::fixed
              << std::setprecision(1) << seconds_since(started) << " s)\n";
    return 0;
  } catch (const domain::DomainError& e) {
    return refused(e);
  }
}

int restore(const Config& config, const RestoreRequest& request) {
  const auto started = std::chrono::steady_clock::now();
  try {
    storage::restore_database(config.database, request.in, request.force);
    const std::string restored = storage::database_contents(config.database).schema_version;
    storage::Database db({config.database, 1});
    const auto applied = db.migrate();
    const auto versions = db.applied_migrations();
    std::cout << "恢复完成 / restored " << request.in << " into the " << db.backend_name() << " database: schema "
              << (restored.empty() ? "-" : restored) << " in the backup, " << applied.size()
              << " migration(s) applied, schema now " << (versions.empty() ? "-" : versions.back()) << " ("
              << std::fixed << std::setprecision(1) << seconds_since(started) << " s)\n";
    return 0;
  } catch (const domain::DomainError& e) {
    return refused(e);
  }
}

}  // namespace jinguo::app
