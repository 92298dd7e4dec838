#pragma once
// The contacts of a body for the expansion work (附表1): naming a contact, changing her
// details, ending her service, listing those open on a day. A contact belongs to a campaign. Each change is one transaction
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
  std::optional<std::int64_t> campaign_id;  // default: the newest campaign whose runner holds the body
};

// A campaign's contact people (工作联系人), one line a district-level body under its runner.
struct CampaignContactLine {
  domain::OrganisationId organisation_id = 0;
  std::string organisation_name;
  domain::BodyType organisation_type = domain::BodyType::kDistrict;
  std::vector<storage::ContactRow> contacts;  // open on the day, the earliest started first
};
struct CampaignContacts {
  std::int64_t campaign_id = 0;
  domain::Date on;
  int missing = 0;  // bodies with no contact
  std::vector<CampaignContactLine> lines;
};

// The audit changes of a contact: created (before null), changed, or ended.
ChangeSet contact_changes(const domain::Contact* before, const domain::Contact& after);

class Contacts {
 public:
  Contacts(storage::Database& db, Clock today) : db_(db), today_(std::move(today)) {}

  // The contacts of a body of the caller's subtree open on `on` (default today), of one campaign
  // when given.
  std::vector<storage::ContactRow> ContactsOf(const Actor& actor, domain::OrganisationId body,
                                              std::optional<domain::Date> on,
                                              std::optional<std::int64_t> campaign = std::nullopt);
  // A campaign's contacts in every district-level body under its runner and in the caller's
  // scope, open on `on` (default today); the campaign unseen → 404.
  CampaignContacts ContactsOfCampaign(const Actor& actor, std::int64_t campaign, std::optional<domain::Date> on);
  storage::ContactRow AddContact(const Actor& actor, domain::OrganisationId body, const NewContact& input);
  storage::ContactRow ChangeContact(const Actor& actor, domain::ContactId id, const domain::ContactChanges& changes);
  storage::ContactRow EndContact(const Actor& actor, domain::ContactId id, const domain::Date& end_on);

 private:
  storage::Database& db_;
  Clock today_;
};

}  // namespace jinguo::services
