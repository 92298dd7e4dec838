#pragma once
// The survey archives' use cases (建立档案): archiving an outstanding woman of the area and
// a women's social organisation, correcting and removing entries, listing them within the
// caller's subtree. Each change is one transaction with one audit record.
#include <functional>
#include <optional>
#include <string>

#include "domain/archive.h"
#include "services/actor.h"
#include "services/audit.h"
#include "services/registry.h"
#include "storage/archive_repository.h"
#include "storage/database.h"

namespace jinguo::services {

struct NewOutstandingWoman {
  std::optional<domain::PersonId> person_id;  // a person visible to the caller, or
  std::optional<std::string> id_number;       // the full ID number of a person registered anywhere
  domain::OutstandingWoman entry;             // person_id is filled from the two above
};

struct ArchiveQuery {
  std::optional<domain::OrganisationId> within;  // default: the caller's whole scope
  std::string text;
  std::optional<int> year;
  std::optional<std::string> kind;
};

// The audit changes of an entry: created (before null), changed, or removed (after null).
ChangeSet archive_changes(const domain::OutstandingWoman* before, const domain::OutstandingWoman* after);
ChangeSet archive_changes(const domain::SocialOrganisation* before, const domain::SocialOrganisation* after);

class Archives {
 public:
  Archives(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  storage::Page<storage::OutstandingWomanRow> OutstandingWomen(const Actor& actor, const ArchiveQuery& query,
                                                               const storage::PageSpec& page);
  storage::OutstandingWomanRow OutstandingWoman(const Actor& actor, std::int64_t id);
  storage::OutstandingWomanRow ArchiveOutstandingWoman(const Actor& actor, const NewOutstandingWoman& input);
  // `edit` changes the stored entry (not its person); the result is checked again.
  storage::OutstandingWomanRow CorrectOutstandingWoman(const Actor& actor, std::int64_t id,
                                                       const std::function<void(domain::OutstandingWoman&)>& edit);
  void RemoveOutstandingWoman(const Actor& actor, std::int64_t id);

  storage::Page<storage::SocialOrganisationRow> SocialOrganisations(const Actor& actor, const ArchiveQuery& query,
                                                                    const storage::PageSpec& page);
  storage::SocialOrganisationRow SocialOrganisation(const Actor& actor, std::int64_t id);
  storage::SocialOrganisationRow ArchiveSocialOrganisation(const Actor& actor, domain::SocialOrganisation entry);
  storage::SocialOrganisationRow CorrectSocialOrganisation(
      const Actor& actor, std::int64_t id, const std::function<void(domain::SocialOrganisation&)>& edit);
  void RemoveSocialOrganisation(const Actor& actor, std::int64_t id);
  // The full contact number (answers mask it): permission reveal, one audit record `reveal`.
  std::optional<std::string> RevealSocialContact(const Actor& actor, std::int64_t id, const std::string& field);

 private:
  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
