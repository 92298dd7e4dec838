#include "services/contacts.h"

#include "domain/access/access.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "services/campaign_access.h"
#include "storage/campaign_repository.h"
#include "storage/repositories.h"

namespace jinguo::services {

namespace {

std::string require_body_in_scope(const storage::ReadTx& tx, const Actor& actor, domain::OrganisationId body) {
  auto path = storage::OrganisationRepository(tx).path_in(actor.scope, body);
  if (!path) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
  return *path;
}

// The campaign a new contact of the body at `path` belongs to: the one asked for (seen by the
// caller, its runner holding the body) or the newest whose runner holds it.
std::optional<std::int64_t> campaign_for(const storage::ReadTx& tx, const Actor& actor, const std::string& path,
                                         std::optional<std::int64_t> asked) {
  if (!asked) return storage::ContactQueries(tx).newest_campaign_holding(path);
  auto c = campaign_access::visible_campaign(tx, actor, *asked, "campaign_id");
  if (!path.starts_with(c.organisation_path))
    throw domain::invalid("not_in_campaign", "campaign_id", "该单位不在这项工作的范围内",
                          "the body is outside the campaign's federation");
  return asked;
}

domain::DomainError no_contact() { return domain::not_found("id", "联系人不存在", "no such contact"); }

AuditTarget target(const char* action, const domain::Contact& c) {
  return {action, "contact", std::to_string(c.id), c.organisation_id};
}

}  // namespace

ChangeSet contact_changes(const domain::Contact* before, const domain::Contact& after) {
  using C = domain::Contact;
  ChangeSet c;
  diff_field(c, "organisation_id", before, &after, &C::organisation_id);
  diff_field(c, "name", before, &after, &C::name);
  diff_field(c, "post", before, &after, &C::post);
  diff_field(c, "office_phone", before, &after, &C::office_phone);
  diff_field(c, "mobile", before, &after, &C::mobile);
  diff_field(c, "email", before, &after, &C::email);
  diff_field(c, "start_on", before, &after, &C::start_on);
  diff_field(c, "end_on", before, &after, &C::end_on);
  diff_field(c, "campaign_id", before, &after, &C::campaign_id);
  return c;
}

std::vector<storage::ContactRow> Contacts::ContactsOf(const Actor& actor, domain::OrganisationId body,
                                                      std::optional<domain::Date> on,
                                                      std::optional<std::int64_t> campaign) {
  return db_.read([&](storage::ReadTx& tx) {
    require_body_in_scope(tx, actor, body);
    if (campaign) campaign_access::visible_campaign(tx, actor, *campaign, "campaign");
    return storage::ContactQueries(tx).open_in(body, on.value_or(today_()), campaign);
  });
}

CampaignContacts Contacts::ContactsOfCampaign(const Actor& actor, std::int64_t campaign,
                                              std::optional<domain::Date> on) {
  domain::require(actor.role, domain::Permission::kRead);
  CampaignContacts out{campaign, on.value_or(today_()), 0, {}};
  db_.read([&](storage::ReadTx& tx) {
    auto c = campaign_access::visible_campaign(tx, actor, campaign);
    const std::string& runner = c.organisation_path;
    auto contacts = storage::ContactQueries(tx).open_in_campaign(campaign, runner, out.on);
    std::size_t next = 0;  // both lists in path order
    for (auto& body : storage::CampaignQueries(tx).owing(campaign, runner, domain::campaign::Level::kDistrict)) {
      while (next < contacts.size() && contacts[next].organisation_path < body.path) ++next;
      if (!actor.scope.contains(body.path)) continue;
      CampaignContactLine line{body.id, body.name, body.type, {}};
      for (; next < contacts.size() && contacts[next].contact.organisation_id == body.id; ++next)
        line.contacts.push_back(std::move(contacts[next]));
      if (line.contacts.empty()) ++out.missing;
      out.lines.push_back(std::move(line));
    }
  });
  return out;
}

storage::ContactRow Contacts::AddContact(const Actor& actor, domain::OrganisationId body, const NewContact& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    // before the fields: outside her subtree the body does not exist
    const std::string path = require_body_in_scope(tx, actor, body);
    domain::Contact contact;
    contact.organisation_id = body;
    contact.campaign_id = campaign_for(tx, actor, path, input.campaign_id);
    contact.name = input.name;
    contact.post = input.post;
    contact.office_phone = input.office_phone;
    contact.mobile = input.mobile;
    contact.email = input.email;
    contact.start_on = input.start_on.value_or(today_());
    domain::normalise_and_validate(contact, today_());
    storage::ContactRepository repo(tx);
    contact.id = repo.insert(contact, domain::utc_timestamp_now());
    record_audit(tx, actor, target("create", contact), contact_changes(nullptr, contact));
    return *repo.find(domain::Scope::whole_tree(), contact.id);
  });
}

storage::ContactRow Contacts::ChangeContact(const Actor& actor, domain::ContactId id,
                                            const domain::ContactChanges& changes) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    storage::ContactRepository repo(tx);
    auto before = repo.find(actor.scope, id);
    if (!before) throw no_contact();
    domain::Contact after = domain::changed(before->contact, changes, today_());
    ChangeSet audit = contact_changes(&before->contact, after);
    if (audit.empty()) return *before;
    repo.update(after, domain::utc_timestamp_now());
    record_audit(tx, actor, target("update", after), audit);
    return *repo.find(domain::Scope::whole_tree(), id);
  });
}

storage::ContactRow Contacts::EndContact(const Actor& actor, domain::ContactId id, const domain::Date& end_on) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    storage::ContactRepository repo(tx);
    auto before = repo.find(actor.scope, id);
    if (!before) throw no_contact();
    domain::Contact after = domain::ended(before->contact, end_on);
    repo.end(id, end_on, domain::utc_timestamp_now());
    record_audit(tx, actor, target("end", after), contact_changes(&before->contact, after));
    return *repo.find(domain::Scope::whole_tree(), id);
  });
}

}  // namespace jinguo::services
