#pragma once
// Files attached to a submission version (issue 12): the stamped scan (盖章扫描件) of a report,
// the written account's files. Judged by content (PDF, PNG, JPEG; 10 MiB); added or removed by
// the submitting side while the version awaits the level above's decision; read by anyone who
// can read the submission. Each change is one transaction with one audit record.
#include <string>
#include <vector>

#include "domain/campaign/campaign.h"
#include "services/actor.h"
#include "services/spreadsheets.h"
#include "storage/campaign_repository.h"
#include "storage/database.h"

namespace jinguo::services {

struct AttachmentFile {
  storage::AttachmentRow row;
  std::string bytes;
};

class SubmissionFiles {
 public:
  explicit SubmissionFiles(storage::Database& db) : db_(db) {}

  storage::AttachmentRow Attach(const Actor& actor, domain::campaign::SubmissionId id, const std::string& file_name,
                                const std::string& bytes);
  AttachmentFile File(const Actor& actor, std::int64_t attachment);
  void Detach(const Actor& actor, std::int64_t attachment);

 private:
  storage::Database& db_;
};

}  // namespace jinguo::services
