#pragma once
// The contacts of bodies for the expansion work (附表1), as stored (migration 0009). Reads take
// any transaction (ContactQueries); writes need a WriteTx (ContactRepository).
//
// For the forms engine, form 1: ContactQueries(tx).open_in_district_level(path, on), one query
// whatever the subtree's size.
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access.h"
#include "domain/contact.h"
#include "domain/date.h"
#include "domain/organisation.h"
#include "storage/database.h"

namespace jinguo::storage {

struct ContactRow {
  domain::Contact contact;
  std::string organisation_name;
  std::optional<std::string> campaign_name;
  std::string organisation_path;  // materialised, "/1/23/"
  domain::BodyType organisation_type = domain::BodyType::kCity;
  std::string created_at, updated_at;  // ISO 8601 UTC
};

class ContactQueries {
 public:
  explicit ContactQueries(const ReadTx& tx) : tx_(tx) {}

  // A contact of a body in the scope; outside it, the contact does not exist.
  std::optional<ContactRow> find(const domain::Scope& scope, domain::ContactId id) const;
  // The contacts of one body open on `on` (start_on <= on < end_on), the earliest started first;
  // with a campaign, that campaign's only.
  std::vector<ContactRow> open_in(domain::OrganisationId body, const domain::Date& on,
                                  std::optional<std::int64_t> campaign = std::nullopt) const;
  // Form 1: the contacts open on `on` of every district, county and county-level city
  // federation under `path` (itself included) that exists on `on` (established by then, not
  // closed), in path order of the bodies, then the earliest started first; with a campaign,
  // that campaign's only.
  std::vector<ContactRow> open_in_district_level(const std::string& path, const domain::Date& on,
                                                 std::optional<std::int64_t> campaign = std::nullopt) const;
  // A campaign's contacts open on `on` in the bodies under `path` (itself included), in path
  // order of the bodies, then the earliest started first.
  std::vector<ContactRow> open_in_campaign(std::int64_t campaign, const std::string& path, const domain::Date& on) const;
  // The newest campaign whose running federation holds the body at `path`, if any.
  std::optional<std::int64_t> newest_campaign_holding(const std::string& path) const;

 protected:
  const ReadTx& tx_;
};

class ContactRepository : public ContactQueries {
 public:
  explicit ContactRepository(const WriteTx& tx) : ContactQueries(tx) {}
  domain::ContactId insert(const domain::Contact& c, const std::string& now) const;
  // Every field but the body (an ended contact keeps her end).
  void update(const domain::Contact& c, const std::string& now) const;
  void end(domain::ContactId id, const domain::Date& end_on, const std::string& now) const;
  // A new campaign takes the contacts tied to no campaign in the bodies under its runner.
  void adopt_unattached(std::int64_t campaign, const std::string& runner_path) const;
};

}  // namespace jinguo::storage
