#include "services/archives.h"

#include "domain/access/access.h"
#include "domain/access/masking.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/id_number.h"
#include "services/audit.h"
#include "services/subtree.h"

namespace jinguo::services {

namespace {

void require_body(const storage::ReadTx& tx, const Actor& actor, domain::OrganisationId id) {
  if (!storage::OrganisationRepository(tx).path_in(actor.scope, id))
    throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
}

storage::ArchiveFilter filter_of(const storage::ReadTx& tx, const Actor& actor, const ArchiveQuery& q) {
  return {subtree_path(tx, actor, q.within, "within"), q.text, q.year, q.kind};
}

domain::DomainError no_entry() { return domain::not_found("id", "档案记录不存在", "no such archive entry"); }

}  // namespace

ChangeSet archive_changes(const domain::OutstandingWoman* before, const domain::OutstandingWoman* after) {
  using E = domain::OutstandingWoman;
  ChangeSet c;
  diff_field(c, "person_id", before, after, &E::person_id);
  diff_field(c, "organisation_id", before, after, &E::organisation_id);
  diff_field(c, "honour", before, after, &E::honour);
  diff_field(c, "field", before, after, &E::field);
  diff_field(c, "year", before, after, &E::year);
  diff_field(c, "notes", before, after, &E::notes);
  return c;
}

ChangeSet archive_changes(const domain::SocialOrganisation* before, const domain::SocialOrganisation* after) {
  using E = domain::SocialOrganisation;
  ChangeSet c;
  diff_field(c, "organisation_id", before, after, &E::organisation_id);
  diff_field(c, "name", before, after, &E::name);
  diff_field(c, "kind", before, after, &E::kind);
  diff_field(c, "field", before, after, &E::field);
  diff_field(c, "head_name", before, after, &E::head_name);
  diff_field(c, "member_count", before, after, &E::member_count);
  // the contact is personal data: the record keeps it masked, as a person's phones
  auto contact = [](const domain::SocialOrganisation* e) { return domain::mask_optional_phone(e->contact); };
  if (!before) c.created("contact", contact(after));
  else if (!after) c.add("contact", contact(before), std::optional<std::string>());
  else c.add("contact", contact(before), contact(after));
  diff_field(c, "founded_on", before, after, &E::founded_on);
  diff_field(c, "notes", before, after, &E::notes);
  return c;
}

// ---- outstanding women ----------------------------------------------------------------

storage::Page<storage::OutstandingWomanRow> Archives::OutstandingWomen(const Actor& actor, const ArchiveQuery& query,
                                                                       const storage::PageSpec& page) {
  return db_.read([&](storage::ReadTx& tx) {
    return storage::ArchiveRepository(tx).outstanding_women(filter_of(tx, actor, query), page);
  });
}

storage::OutstandingWomanRow Archives::OutstandingWoman(const Actor& actor, std::int64_t id) {
  return db_.read([&](storage::ReadTx& tx) {
    auto row = storage::ArchiveRepository(tx).outstanding_woman(actor.scope, id);
    if (!row) throw no_entry();
    return *row;
  });
}

storage::OutstandingWomanRow Archives::ArchiveOutstandingWoman(const Actor& actor, const NewOutstandingWoman& input) {
  domain::require(actor.role, domain::Permission::kWrite);
  domain::OutstandingWoman entry = input.entry;
  domain::normalise_and_validate(entry, today_());
  return db_.write([&](storage::WriteTx& tx) {
    storage::PersonRepository people(tx);
    std::optional<domain::Person> person;
    if (input.id_number) {  // knowing the full ID number names a person registered anywhere
      auto id = people.find_by_id_number(domain::parse_id_number(*input.id_number, today_()).value);
      if (!id) throw domain::not_found("id_number", "没有该身份证号的人员，请先登记人员", "no person has this ID number");
      person = people.find(domain::Scope::whole_tree(), *id);
    } else if (input.person_id) {
      person = people.find(actor.scope, *input.person_id);
      if (!person) throw domain::not_found("person_id", "人员不存在", "no such person");
    } else {
      throw domain::invalid("required", "person_id", "请选择人员或填写身份证号", "a person_id or id_number is required");
    }
    if (person->sex != domain::Sex::kFemale)
      throw domain::invalid("person_not_female", "person_id", "优秀女性档案只收录女性",
                            "the archive of outstanding women holds women only");
    entry.person_id = person->id;
    require_body(tx, actor, entry.organisation_id);
    storage::ArchiveRepository repo(tx);
    entry.id = repo.insert(entry, domain::utc_timestamp_now());
    record_audit(tx, actor, {"create", "outstanding_woman", std::to_string(entry.id), entry.organisation_id,
                             entry.person_id},
                 archive_changes(nullptr, &entry));
    return *repo.outstanding_woman(domain::Scope::whole_tree(), entry.id);
  });
}

storage::OutstandingWomanRow Archives::CorrectOutstandingWoman(
    const Actor& actor, std::int64_t id, const std::function<void(domain::OutstandingWoman&)>& edit) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    storage::ArchiveRepository repo(tx);
    auto before = repo.outstanding_woman(actor.scope, id);
    if (!before) throw no_entry();
    domain::OutstandingWoman after = before->entry;
    edit(after);
    after.id = id;
    after.person_id = before->entry.person_id;
    domain::normalise_and_validate(after, today_());
    if (after.organisation_id != before->entry.organisation_id) require_body(tx, actor, after.organisation_id);
    ChangeSet changes = archive_changes(&before->entry, &after);
    if (changes.empty()) return *before;
    repo.update(after, domain::utc_timestamp_now());
    record_audit(tx, actor, {"update", "outstanding_woman", std::to_string(id), after.organisation_id, after.person_id},
                 changes);
    return *repo.outstanding_woman(domain::Scope::whole_tree(), id);
  });
}

void Archives::RemoveOutstandingWoman(const Actor& actor, std::int64_t id) {
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    storage::ArchiveRepository repo(tx);
    auto before = repo.outstanding_woman(actor.scope, id);
    if (!before) throw no_entry();
    repo.remove_outstanding_woman(id);
    record_audit(tx, actor, {"delete", "outstanding_woman", std::to_string(id), before->entry.organisation_id,
                             before->entry.person_id},
                 archive_changes(&before->entry, nullptr));
  });
}

// ---- women's social organisations ------------------------------------------------------

storage::Page<storage::SocialOrganisationRow> Archives::SocialOrganisations(const Actor& actor,
                                                                            const ArchiveQuery& query,
                                                                            const storage::PageSpec& page) {
  return db_.read([&](storage::ReadTx& tx) {
    return storage::ArchiveRepository(tx).social_organisations(filter_of(tx, actor, query), page);
  });
}

storage::SocialOrganisationRow Archives::SocialOrganisation(const Actor& actor, std::int64_t id) {
  return db_.read([&](storage::ReadTx& tx) {
    auto row = storage::ArchiveRepository(tx).social_organisation(actor.scope, id);
    if (!row) throw no_entry();
    return *row;
  });
}

storage::SocialOrganisationRow Archives::ArchiveSocialOrganisation(const Actor& actor, domain::SocialOrganisation entry) {
  domain::require(actor.role, domain::Permission::kWrite);
  domain::normalise_and_validate(entry, today_());
  return db_.write([&](storage::WriteTx& tx) {
    require_body(tx, actor, entry.organisation_id);
    storage::ArchiveRepository repo(tx);
    entry.id = repo.insert(entry, domain::utc_timestamp_now());
    record_audit(tx, actor, {"create", "social_organisation", std::to_string(entry.id), entry.organisation_id},
                 archive_changes(nullptr, &entry));
    return *repo.social_organisation(domain::Scope::whole_tree(), entry.id);
  });
}

storage::SocialOrganisationRow Archives::CorrectSocialOrganisation(
    const Actor& actor, std::int64_t id, const std::function<void(domain::SocialOrganisation&)>& edit) {
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    storage::ArchiveRepository repo(tx);
    auto before = repo.social_organisation(actor.scope, id);
    if (!before) throw no_entry();
    domain::SocialOrganisation after = before->entry;
    edit(after);
    after.id = id;
    // the masked number of an answer sent back unchanged leaves the stored one alone
    if (domain::echoes_masked_phone(after.contact, before->entry.contact)) after.contact = before->entry.contact;
    domain::normalise_and_validate(after, today_());
    if (after.organisation_id != before->entry.organisation_id) require_body(tx, actor, after.organisation_id);
    ChangeSet changes = archive_changes(&before->entry, &after);
    if (changes.empty()) return *before;
    repo.update(after, domain::utc_timestamp_now());
    record_audit(tx, actor, {"update", "social_organisation", std::to_string(id), after.organisation_id}, changes);
    return *repo.social_organisation(domain::Scope::whole_tree(), id);
  });
}

std::optional<std::string> Archives::RevealSocialContact(const Actor& actor, std::int64_t id, const std::string& field) {
  if (field != "contact") throw domain::invalid("unknown_field", "field", "只能查看联系电话", "field is contact");
  domain::require(actor.role, domain::Permission::kReveal);
  return db_.write([&](storage::WriteTx& tx) {
    auto row = storage::ArchiveRepository(tx).social_organisation(actor.scope, id);
    if (!row) throw no_entry();
    ChangeSet changes;
    changes.created("field", field);
    record_audit(tx, actor, {"reveal", "social_organisation", std::to_string(id), row->entry.organisation_id}, changes);
    return row->entry.contact;
  });
}

void Archives::RemoveSocialOrganisation(const Actor& actor, std::int64_t id) {
  domain::require(actor.role, domain::Permission::kWrite);
  db_.write([&](storage::WriteTx& tx) {
    storage::ArchiveRepository repo(tx);
    auto before = repo.social_organisation(actor.scope, id);
    if (!before) throw no_entry();
    repo.remove_social_organisation(id);
    record_audit(tx, actor, {"delete", "social_organisation", std::to_string(id), before->entry.organisation_id},
                 archive_changes(&before->entry, nullptr));
  });
}

}  // namespace jinguo::services
