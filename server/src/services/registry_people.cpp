#include "domain/clock.h"
#include "domain/error.h"
#include "domain/text.h"
#include "services/audit.h"
#include "services/registry.h"

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
  if (c.name) {
    domain::validate_person_name(*c.name);
    p.name = std::string(domain::trim(*c.name));
  }
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

ChangeSet diff(const domain::Person& a, const domain::Person& b) {
  ChangeSet c;
  c.add("name", a.name, b.name).add("id_number", a.id_number, b.id_number).add("birth_date", a.birth_date, b.birth_date)
      .add("sex", domain::sex_code(a.sex), domain::sex_code(b.sex)).add("ethnicity", a.ethnicity, b.ethnicity)
      .add("political_status", a.political_status, b.political_status).add("education", a.education, b.education)
      .add("work_unit", a.work_unit, b.work_unit).add("job_title", a.job_title, b.job_title)
      .add("mobile", a.mobile, b.mobile).add("office_phone", a.office_phone, b.office_phone).add("notes", a.notes, b.notes);
  return c;
}

void check_references(const storage::ReadTx& tx, const domain::Person& p) {
  require_code(tx, domain::DictionaryKind::kEthnicity, p.ethnicity, "ethnicity");
  require_code(tx, domain::DictionaryKind::kPoliticalStatus, p.political_status, "political_status");
  require_code(tx, domain::DictionaryKind::kEducation, p.education, "education");
}

void refuse_duplicate(const storage::ReadTx& tx, const domain::Person& p) {
  auto existing = storage::PersonRepository(tx).find_by_id_number(p.id_number);
  if (existing && *existing != p.id)
    throw domain::conflict("person_exists", "id_number", "该身份证号的人员已登记（编号" + std::to_string(*existing) + "）",
                           "a person with this ID number is registered")
        .with_existing_id(*existing);
}

PersonDetail load_detail(const storage::ReadTx& tx, PersonId id) {
  auto person = storage::PersonRepository(tx).find(id);
  if (!person) throw domain::not_found("id", "人员不存在", "no such person");
  PersonDetail d{*person, {}};
  auto rows = storage::PositionRepository(tx).of_person(id);
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
  domain::Person p;
  apply(p, input, today);
  return db_.write([&](storage::WriteTx& tx) {
    check_references(tx, p);
    refuse_duplicate(tx, p);
    PersonId id = storage::PersonRepository(tx).insert(p, domain::utc_timestamp_now());
    p.id = id;
    record_audit(tx, actor, {"create", "person", std::to_string(id), std::nullopt}, diff(domain::Person{}, p));
    return load_detail(tx, id);
  });
}

PersonDetail Registry::UpdatePerson(const Actor& actor, PersonId id, const PersonChanges& changes) {
  Date today = today_();
  return db_.write([&](storage::WriteTx& tx) {
    auto before = storage::PersonRepository(tx).find(id);
    if (!before) throw domain::not_found("id", "人员不存在", "no such person");
    domain::Person after = *before;
    apply(after, changes, today);
    check_references(tx, after);
    refuse_duplicate(tx, after);
    auto change_set = diff(*before, after);
    if (!change_set.empty()) {
      storage::PersonRepository(tx).update(after, domain::utc_timestamp_now());
      record_audit(tx, actor, {"update", "person", std::to_string(id), std::nullopt}, change_set);
    }
    return load_detail(tx, id);
  });
}

PersonDetail Registry::Person(PersonId id) {
  return db_.read([&](storage::ReadTx& tx) { return load_detail(tx, id); });
}

storage::Page<PersonSummary> Registry::People(const std::string& text,
                                              std::optional<domain::OrganisationId> organisation,
                                              const storage::PageSpec& page) {
  Date today = today_();
  return db_.read([&](storage::ReadTx& tx) {
    storage::PeopleFilter filter{std::string(domain::trim(text)), std::nullopt};
    if (organisation) {
      auto row = storage::OrganisationRepository(tx).find(*organisation, today);
      if (!row) throw domain::not_found("organisation_id", "组织不存在", "no such organisation");
      filter.organisation_path = row->path;
    }
    storage::PersonRepository repo(tx);
    auto found = repo.list(filter, page, today);
    std::vector<PersonId> ids;
    for (const auto& p : found.items) ids.push_back(p.id);
    auto current = repo.current_positions(ids, today);
    storage::Page<PersonSummary> out;
    out.total = found.total;
    for (auto& p : found.items) {
      PersonSummary s{std::move(p), {}};
      for (const auto& c : current)
        if (c.person_id == s.person.id) s.current_positions.push_back(c);
      out.items.push_back(std::move(s));
    }
    return out;
  });
}

}  // namespace jinguo::services
