#pragma once
// Bringing the survey archives in from their templates (docs/api-contract.md, "Archive
// imports"): outstanding women (key: the woman, the proposing body, the honour) and women's
// social organisations (key: the body, the name). The dry run judges every row and stores
// nothing; the commit judges the same way inside one write transaction and stores the valid
// rows, each entry one audit record (create/update outstanding_woman or social_organisation,
// and create person for a woman registered from her row), plus one record for the batch
// (action import, entity import, entity_id the file's SHA-256).
//
// The report is the roster import's (services/importing.h). For the archives its counters
// read: created_people the women registered from their rows; created_entries the entries
// created; updated_entries the entries updated; unchanged the entries left as they are
// (created_positions and updated_people stay 0: an archive creates no position and edits no
// person). Each
// result's `name` is the woman or the organisation, `person_changes` the entry's fields that
// differ, `organisation` the body.
#include <optional>
#include <string>

#include "services/actor.h"
#include "services/importing.h"
#include "services/registry.h"
#include "storage/database.h"

namespace jinguo::services {

class ArchiveImporting {
 public:
  // kind: ImportKind::kOutstandingWomen or kSocialOrganisations (anything else throws 422
  // unknown_import_kind).
  ArchiveImporting(storage::Database& db, Registry& registry, ImportKind kind);

  // Bodies are found within `within` (the caller's own organisation when absent); a row
  // without one is the `within` body's. Throws DomainError for a file that cannot be read or
  // a sheet without the kind's headings; row problems go into the report.
  ImportReport DryRun(const Actor& actor, const std::string& bytes, const std::string& file_name,
                      std::optional<domain::OrganisationId> within, const ImportProgress& progress = {});
  // Every row valid, or skip_invalid and some row valid → stored (committed true); else
  // nothing is stored (committed false). override_reason does not apply to the archives.
  ImportReport Commit(const Actor& actor, const std::string& bytes, const std::string& file_name,
                      std::optional<domain::OrganisationId> within, const CommitOptions& options,
                      const ImportProgress& progress = {});

 private:
  ImportReport Run(const Actor& actor, const std::string& bytes, const std::string& file_name,
                   std::optional<domain::OrganisationId> within, const CommitOptions* commit,
                   const ImportProgress& progress);

  storage::Database& db_;
  Registry& registry_;
  ImportKind kind_;
};

}  // namespace jinguo::services
