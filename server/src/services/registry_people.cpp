#include "domain/access/masking.h"
#include "domain/clock.h"
#include "domain/error.h"
#include "domain/person_query.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/person_audit.h"
#include "services/registry.h"
#include "services/subtree.h"
#include "storage/registry_changes.h"

namespace jinguo::services {

namespace {

using domain::Date;
using domain::PersonId;

void require_code(const storage::ReadTx& tx, domain::DictionaryKind kind, const std::optional<std::string>& code,
                  const std::string& field) {
  if (!code) return;
  auto entry = storage::DictionaryRepository(tx).find(kind, *code);
  if (!entry || !entry->active)
    throw domain::invalid("unknown_code", field, "字典中没有该代码：" + *code, "no such dictionary code: " + *code);
}

std::optional<std::string> cleaned(const std::optional<std::string>& v, const char* field, std::size_t max) {
  if (!v) return std::nullopt;
  domain::validate_free_text(field, *v, max);
  std::string t(domain::trim(*v));
  if (t.empty()) return std::nullopt;
  return t;
}

// Applies the changes a caller sent to a person, validating each field.
void apply(domain::Person& p, const PersonChanges& c, const Date& today) {
  if (c.name) p.name = domain::normalise_person_name(*c.name);
  if (c.id_number) {
    auto id = domain::parse_id_number(*c.id_number, today);
    p.id_number = id.value;
    p.birth_date = id.birth_date;
    p.sex = id.sex;
  }
  if (c.birth_date && *c.birth_date != p.birth_date)
    throw domain::invalid("id_number_birth_date_mismatch", "birth_date", "出生日期与身份证号不符",
                          "the birth date does not agree with the ID number");
  if (c.sex) {
    if (*c.sex != "female" && *c.sex != "male")
      throw domain::invalid("unknown_sex", "sex", "性别应为female或male", "sex is female or male");
    if (*c.sex != domain::sex_code(p.sex))
      throw domain::invalid("id_number_sex_mismatch", "sex", "性别与身份证号不符",
                            "the sex does not agree with the ID number");
  }
  auto code = [](const Patch<std::string>& v, std::optional<std::string>& field) {
    if (v) field = *v;
  };
  code(c.ethnicity, p.ethnicity);
  code(c.political_status, p.political_status);
  code(c.education, p.education);
  if (c.work_unit) p.work_unit = cleaned(*c.work_unit, "work_unit", 100);
  if (c.job_title) p.job_title = cleaned(*c.job_title, "job_title", 100);
  if (c.notes) p.notes = cleaned(*c.notes, "notes", 1000);
  if (c.mobile)
    p.mobile = *c.mobile && !domain::trim(**c.mobile).empty()
                   ? std::optional(domain::normalise_mobile(**c.mobile))
                   : std::nullopt;
  if (c.office_phone)
    p.office_phone = *c.office_phone && !domain::trim(**c.office_phone).empty()
                         ? std::optional(domain::normalise_office_phone(**c.office_phone))
                         : std::nullopt;
}

void check_references(const storage::ReadTx& tx, const domain::Person& p) {
  require_code(tx, domain::DictionaryKind::kEthnicity, p.ethnicity, "ethnicity");
  require_code(tx, domain::DictionaryKind::kPoliticalStatus, p.political_status, "political_status");
  require_code(tx, domain::DictionaryKind::kEducation, p.education, "education");
}

// A duplicate in the caller's subtree is named; one outside it is only said to exist.
void refuse_duplicate(const storage::ReadTx& tx, const domain::Scope& scope, const domain::Person& p) {
  storage::PersonRepository repo(tx);
  auto existing = repo.find_by_id_number(p.id_number);
  if (!existing || *existing == p.id) return;
  if (!repo.find(scope, *existing))
    throw domain::conflict("person_exists_elsewhere", "id_number", "该身份证号的人员已在其他组织登记，可凭身份证号直接任命",
                           "a person with this ID number is registered outside your organisation");
  throw domain::conflict("person_exists", "id_number", "该身份证号的人员已登记（编号" + std::to_string(*existing) + "）",
                         "a person with this ID number is registered")
      .with_existing_id(*existing);
}

domain::DomainError no_person() { return domain::not_found("id", "人员不存在", "no such person"); }

// A masked value sent back unchanged leaves the stored value alone.
void drop_masked_echoes(PersonChanges& c, const domain::Person& stored) {
  if (c.id_number && *c.id_number == domain::mask_id_number(stored.id_number)) c.id_number.reset();
  auto same_mask = [](const Patch<std::string>& sent, const std::optional<std::string>& value) {
    return sent && domain::echoes_masked_phone(*sent, value);
  };
  if (same_mask(c.mobile, stored.mobile)) c.mobile.reset();
  if (same_mask(c.office_phone, stored.office_phone)) c.office_phone.reset();
}

PersonDetail load_detail(const storage::ReadTx& tx, const domain::Scope& scope, PersonId id) {
  auto person = storage::PersonRepository(tx).find(scope, id);
  if (!person) throw no_person();
  PersonDetail d{*person, {}};
  auto rows = storage::PositionRepository(tx).of_person(scope, id);
  std::vector<domain::OrganisationId> ids;
  for (const auto& r : rows)
    for (auto o : storage::ids_in_path(r.organisation_path)) ids.push_back(o);
  auto names = storage::OrganisationRepository(tx).entries(ids);
  for (auto& r : rows) {
    std::string path;
    for (auto o : storage::ids_in_path(r.organisation_path))
      if (auto it = names.find(o); it != names.end()) path += (path.empty() ? "" : " / ") + it->second.name;
    d.positions.push_back({std::move(r), std::move(path)});
  }
  return d;
}

}  // namespace

PersonDetail Registry::RegisterPerson(const Actor& actor, const PersonChanges& input) {
  Date today = today_();
  if (!input.name) throw domain::invalid("required", "name", "请填写姓名", "name is required");
  if (!input.id_number) throw domain::invalid("required", "id_number", "请填写身份证号", "ID number is required");
  domain::require(actor.role, domain::Permission::kWrite);
  domain::Person p;
  apply(p, input, today);
  return db_.write([&](storage::WriteTx& tx) {
    check_references(tx, p);
    refuse_duplicate(tx, actor.scope, p);
    PersonId id = storage::PersonRepository(tx).insert(p, actor.organisation_id, domain::utc_timestamp_now());
    p.id = id;
    record_audit(tx, actor, {"create", "person", std::to_string(id), actor.organisation_id, id},
                 person_registered(p));
    return load_detail(tx, actor.scope, id);
  });
}

PersonDetail Registry::UpdatePerson(const Actor& actor, PersonId id, const PersonChanges& changes) {
  Date today = today_();
  domain::require(actor.role, domain::Permission::kWrite);
  return db_.write([&](storage::WriteTx& tx) {
    auto before = storage::PersonRepository(tx).find(actor.scope, id);
    if (!before) throw no_person();
    PersonChanges sent = changes;
    drop_masked_echoes(sent, *before);
    domain::Person after = *before;
    apply(after, sent, today);
    check_references(tx, after);
    refuse_duplicate(tx, actor.scope, after);
    auto change_set = person_diff(*before, after);
    if (!change_set.empty()) {
      storage::PersonRepository(tx).update(after, domain::utc_timestamp_now());
      record_audit(tx, actor, {"update", "person", std::to_string(id), actor.organisation_id, id}, change_set);
    }
    return load_detail(tx, actor.scope, id);
  });
}

PersonDetail Registry::Person(const Actor& actor, PersonId id) {
  return db_.read([&](storage::ReadTx& tx) { return load_detail(tx, actor.scope, id); });
}

std::optional<std::string> Registry::RevealPersonalData(const Actor& actor, PersonId id, const std::string& field) {
  if (field != "id_number" && field != "mobile" && field != "office_phone")
    throw domain::invalid("unknown_field", "field", "只能查看身份证号、手机或办公电话", "field is id_number, mobile or office_phone");
  domain::require(actor.role, domain::Permission::kReveal);
  return db_.write([&](storage::WriteTx& tx) {
    auto person = storage::PersonRepository(tx).find(actor.scope, id);
    if (!person) throw no_person();
    ChangeSet changes;
    changes.created("field", field);
    record_audit(tx, actor, {"reveal", "person", std::to_string(id), actor.organisation_id, id}, changes);
    if (field == "id_number") return std::optional<std::string>(person->id_number);
    return field == "mobile" ? person->mobile : person->office_phone;
  });
}

namespace {

// One field of a key: its presence, its length and its text, so that no two searches share a key.
void key_field(std::string& key, const std::optional<std::string>& v) {
  if (!v) {
    key += "-|";
    return;
  }
  key += std::to_string(v->size()) + ":" + *v + "|";
}

PeoplePage read_people_page(const storage::ReadTx& tx, const domain::Scope& scope, const storage::PeopleSearch& search,
                            const storage::PageSpec& page) {
  storage::PeopleSearchQueries queries(tx);
  auto found = queries.find(search, page);
  std::vector<PersonId> ids;
  for (const auto& p : found.items) ids.push_back(p.id);
  auto current = storage::PersonRepository(tx).current_positions(scope, ids, search.on);
  auto former = queries.former_positions(search.path, ids, search.on);
  PeoplePage out;
  out.total = found.total;
  out.items.reserve(found.items.size());
  for (auto& p : found.items) {
    PersonSummary s{std::move(p), {}, {}};
    for (const auto& c : current)
      if (c.person_id == s.person.id) s.current_positions.push_back(c);
    for (const auto& f : former)
      if (f.person_id == s.person.id) s.former_positions.push_back(f);
    out.items.push_back(std::move(s));
  }
  return out;
}

}  // namespace

// Everything the page depends on but the subtree's path, which its body's id and the
// generation name (a move raises the generation).
std::string people_key(const storage::PeopleSearch& search, std::optional<domain::OrganisationId> within,
                       const std::string& scope_path, const storage::PageSpec& page, std::int64_t generation) {
  std::string key = std::to_string(generation) + "|";
  key_field(key, scope_path);
  key_field(key, within ? std::to_string(*within) : std::string());
  key += search.on.iso() + "|" + std::to_string(static_cast<int>(search.status)) + "|";
  key_field(key, search.role);
  key_field(key, search.manner);
  key_field(key, search.source);
  key_field(key, search.id_number);
  key_field(key, search.name);
  key += search.with_unplaced ? "u|" : "p|";
  key += std::to_string(page.page) + "|" + std::to_string(page.page_size) + "|";
  key_field(key, page.sort);
  key += page.descending ? "d" : "a";
  return key;
}

// Depends on the search, the page, the caller's scope (the current positions listed are those
// within it) and what the database holds; the ID numbers and telephones are masked when the
// page is written out, for every caller alike.
std::shared_ptr<const PeoplePage> Registry::People(const Actor& actor, const PeopleQuery& query,
                                                   const storage::PageSpec& page) {
  Date today = today_();
  storage::PeopleSearch search;
  search.on = query.on.value_or(today);
  search.status = query.status;
  search.role = query.role;
  search.manner = query.manner;
  search.source = query.source;
  search.with_unplaced = query.status == storage::HoldingStatus::kAll && !query.role && !query.manner && !query.source;
  if (!domain::trim(query.text).empty()) {
    auto q = domain::person_query(query.text, today);
    if (q.id_number) search.id_number = q.id_number;
    else search.name = q.name;
  }
  const bool keep = page.page_size <= kKeptPageSize;
  const auto key_at = [&](std::int64_t generation) {
    return people_key(search, query.organisation_id, actor.scope.path, page, generation);
  };
  // Most requests find their page kept under the generation read with the session: nothing
  // more is read. The key names her scope and the body she asked for, so a page kept under it
  // was made after the same scope check, against the same tree.
  if (keep)
    if (auto kept = people_pages_->find(key_at(generation_for(actor)))) return *kept;
  return db_.read([&](storage::ReadTx& tx) {
    search.path = subtree_path(tx, actor, query.organisation_id, "organisation_id");
    auto compute = [&] { return std::make_shared<const PeoplePage>(read_people_page(tx, actor.scope, search, page)); };
    if (!keep) return compute();
    const std::int64_t generation = storage::registry_generation(tx);
    return people_pages_->get(key_at(generation), generation, compute);
  });
}

}  // namespace jinguo::services
