#pragma once
// A contact (工作联系人) of a federation body for the work of expanding its membership
// (附表1): who the level above calls about it. Dated like a position: a contact is ended,
// never deleted, so that form 1 on a past date names who was the contact then. Pure rules.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.h"
#include "domain/organisation.h"
#include "domain/position.h"

namespace jinguo::domain {

using ContactId = std::int64_t;

struct Contact {
  ContactId id = 0;
  OrganisationId organisation_id = 0;
  std::string name;                          // the person-name rule
  std::optional<std::string> post;           // 职务, at most 50 characters: 组织联络部部长 …
  std::optional<std::string> office_phone;   // as the importer writes it: 0451-86661234
  std::optional<std::string> mobile;         // 13912345678
  std::optional<std::string> email;          // local@domain.tld
  Date start_on;
  std::optional<Date> end_on;                // the first day she is no longer the contact
  std::optional<std::int64_t> campaign_id;   // the campaign she is the contact for (none: not yet tied)

  // The contact on day d: start_on <= d < end_on.
  bool open_on(const Date& d) const { return start_on <= d && (!end_on || d < *end_on); }
};

// The fields of a change as the caller sent them (absent: leave alone; null: clear).
struct ContactChanges {
  std::optional<std::string> name;
  Patch<std::string> post, office_phone, mobile, email;
  std::optional<Date> start_on;
};

// Trims and normalises every field and checks it, throwing DomainError 422 naming the field:
// the name by normalise_person_name; the post at most 50 characters; the phones through the
// importer's normalise_phone (a mobile must be a mobile number); the e-mail's shape; at
// least one of office phone, mobile and e-mail (contact_unreachable); the start date as a
// position's (validate_start); an end after the start (end_before_start).
void normalise_and_validate(Contact& contact, const Date& today);

// The contact after a change, checked as above.
Contact changed(const Contact& before, const ContactChanges& changes, const Date& today);

// The contact ended on `end_on`: refused if she is ended already (contact_ended) or the end
// is not after the start (end_before_start).
Contact ended(const Contact& before, const Date& end_on);

// An e-mail address as stored: full-width characters folded to ASCII, trimmed, the domain in
// lower case; "local@domain.tld" with no spaces, one @, a dotted domain whose last label has
// at least two letters, at most 100 characters. Throws 422 email_format on `field`.
std::string normalise_email(std::string_view email, const std::string& field = "email");

}  // namespace jinguo::domain
