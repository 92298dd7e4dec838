#pragma once
// The contacts of a body for the expansion work (附表1): naming a contact, changing her
// details, ending her service, listing those open on a day. Each change is one transaction
// with one audit record; the caller sees and changes only bodies of her subtree.
#include <optional>
#include <string>
#include <vector>

#include "domain/contact.h"
#include "domain/date.h"
#include "services/actor.h"
#include "services/audit.h"
#include "services/registry.h"
#include "storage/contact_repository.h"
#include "storage/database.h"

namespace jinguo::services {

// The fields of a new contact as the caller sends them (the body comes from the path).
struct NewContact {
  std::string name;
  std::optional<std::string> post, office_phone, mobile, email;
  std::optional<domain::Date> start_on;  // default today
};

// The audit changes of a contact: created (before null), changed, or ended.
ChangeSet contact_changes(const domain::Contact* before, const domain::Contact& after);

class Contacts {
 public:
  Contacts(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  // The contacts of a body of the caller's subtree open on `on` (default today).
  std::vector<storage::ContactRow> ContactsOf(const Actor& actor, domain::OrganisationId body,
                                              std::optional<domain::Date> on);
  storage::ContactRow AddContact(const Actor& actor, domain::OrganisationId body, const NewContact& input);
  storage::ContactRow ChangeContact(const Actor& actor, domain::ContactId id, const domain::ContactChanges& changes);
  storage::ContactRow EndContact(const Actor& actor, domain::ContactId id, const domain::Date& end_on);

 private:
  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
