#include "services/person_audit.h"

#include "domain/access/masking.h"

namespace jinguo::services {

namespace {

// Personal data stays masked in the audit too.
std::optional<std::string> masked_id(const domain::Person& p) {
  if (p.id_number.empty()) return std::nullopt;
  return domain::mask_id_number(p.id_number);
}

}  // namespace

ChangeSet person_diff(const domain::Person& a, const domain::Person& b) {
  ChangeSet c;
  c.add("name", a.name, b.name);
  if (a.id_number != b.id_number) c.add("id_number", masked_id(a), masked_id(b));
  if (a.mobile != b.mobile) c.add("mobile", domain::mask_optional_phone(a.mobile), domain::mask_optional_phone(b.mobile));
  if (a.office_phone != b.office_phone)
    c.add("office_phone", domain::mask_optional_phone(a.office_phone), domain::mask_optional_phone(b.office_phone));
  c.add("birth_date", a.birth_date, b.birth_date)
      .add("sex", domain::sex_code(a.sex), domain::sex_code(b.sex)).add("ethnicity", a.ethnicity, b.ethnicity)
      .add("political_status", a.political_status, b.political_status).add("education", a.education, b.education)
      .add("work_unit", a.work_unit, b.work_unit).add("job_title", a.job_title, b.job_title)
      .add("notes", a.notes, b.notes);
  return c;
}

// The record of a registration: every field, before null (never a default such as 1970-01-01).
ChangeSet person_registered(const domain::Person& p) {
  ChangeSet c;
  c.created("name", p.name).created("id_number", masked_id(p)).created("birth_date", p.birth_date)
      .created("sex", domain::sex_code(p.sex)).created("ethnicity", p.ethnicity)
      .created("political_status", p.political_status).created("education", p.education)
      .created("work_unit", p.work_unit).created("job_title", p.job_title)
      .created("mobile", domain::mask_optional_phone(p.mobile))
      .created("office_phone", domain::mask_optional_phone(p.office_phone)).created("notes", p.notes);
  return c;
}

}  // namespace jinguo::services
