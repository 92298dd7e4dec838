#include "services/submission_files.h"

#include "domain/access/access.h"
#include "domain/campaign/attachment.h"
#include "domain/clock.h"
#include "services/audit.h"
#include "services/campaign_access.h"
#include "services/crypto.h"

namespace jinguo::services {

namespace {

using namespace domain::campaign;
using namespace campaign_access;

// The submitting side: the body's own accounts (and the system administrator). The level above
// reads the files but does not add them.
void require_submitting_side(const Actor& actor, const storage::SubmissionRow& s) {
  domain::require(actor.role, domain::Permission::kWrite);
  const bool own = actor.scope.is_whole_tree() || actor.organisation_id == s.organisation_id ||
                   actor.scope.organisation_id == s.organisation_id;
  if (!own)
    throw domain::DomainError(domain::ErrorKind::kForbidden, "wrong_level", "id",
                              "附件由上报单位" + s.organisation_name + "添加，上级妇联只能查看",
                              "only the submitting body adds or removes files");
}

}  // namespace

storage::AttachmentRow SubmissionFiles::Attach(const Actor& actor, SubmissionId id, const std::string& file_name,
                                               const std::string& bytes) {
  domain::require(actor.role, domain::Permission::kWrite);
  // Who and which version first (outside her scope nothing is said of the file), then the file.
  db_.read([&](storage::ReadTx& tx) {
    auto s = visible_submission(tx, actor, id);
    require_submitting_side(actor, s.row);
    require_unlocked(s.row.state);
  });
  const std::string name = attachment_name(file_name);
  const std::string type(require_attachable(bytes));
  const std::string content = to_base64(bytes);
  storage::AttachmentRow a{0, id, name, type, static_cast<std::int64_t>(bytes.size()), sha256_hex(bytes), "", actor.name};
  return db_.write([&](storage::WriteTx& tx) {  // checked again: a decision may have come in between
    auto s = visible_submission(tx, actor, id);
    require_submitting_side(actor, s.row);
    require_unlocked(s.row.state);
    storage::CampaignRepository repo(tx);
    if (static_cast<std::size_t>(s.row.attachment_count) >= kMaxAttachments)
      throw domain::invalid("too_many_attachments", "file", "每个版本最多上传10个附件", "at most 10 files a version");
    a.uploaded_at = domain::utc_timestamp_now();
    a.id = repo.insert(a, content);
    ChangeSet changes;
    changes.created("attachment_id", a.id).created("file_name", a.file_name).created("size", a.size)
        .created("sha256", a.sha256);
    record_audit(tx, actor, {"attach", "submission", std::to_string(id), s.row.organisation_id}, changes);
    return *repo.attachment(a.id);
  });
}

AttachmentFile SubmissionFiles::File(const Actor& actor, std::int64_t attachment) {
  domain::require(actor.role, domain::Permission::kRead);
  auto [row, content] = db_.read([&](storage::ReadTx& tx) {
    storage::CampaignQueries q(tx);
    auto a = q.attachment(attachment);
    if (!a) throw no("id", "附件", "attachment");
    try {
      visible_submission(tx, actor, a->submission_id);
    } catch (const domain::DomainError&) {
      throw no("id", "附件", "attachment");
    }
    return std::pair{*a, q.attachment_content(attachment)};
  });
  return {row, from_base64(content)};
}

void SubmissionFiles::Detach(const Actor& actor, std::int64_t attachment) {
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    storage::CampaignRepository repo(tx);
    auto a = repo.attachment(attachment);
    if (!a) throw no("id", "附件", "attachment");
    auto s = visible_submission(tx, actor, a->submission_id);
    require_submitting_side(actor, s.row);
    require_unlocked(s.row.state);
    repo.remove_attachment(attachment);
    ChangeSet changes;
    changes.removed("attachment_id", a->id).removed("file_name", a->file_name).removed("size", a->size)
        .removed("sha256", a->sha256);
    record_audit(tx, actor, {"detach", "submission", std::to_string(a->submission_id), s.row.organisation_id}, changes);
  });
}

}  // namespace jinguo::services
