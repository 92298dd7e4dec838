#pragma once
// The columns of a person, read the same way wherever a query returns people.
#include <string>

#include "domain/person.h"
#include "storage/query.h"

namespace jinguo::storage {

// Select list of a person, for a table alias given as a string literal.
#define JINGUO_PERSON_COLUMNS(a)                                                              \
  a ".id, " a ".name, " a ".id_number, " a ".birth_date, " a ".sex, " a ".ethnicity, " a      \
  ".political_status, " a ".education, " a ".work_unit, " a ".job_title, " a ".mobile, " a    \
  ".office_phone, " a ".notes"

struct PersonColumns {
  long long id = 0;
  std::string name, id_number, birth_date, sex;
  Nullable ethnicity, political_status, education, work_unit, job_title, mobile, office_phone, notes;

  void bind(Query& q) {
    q.into(id).into(name).into(id_number).into(birth_date).into(sex).into(ethnicity)
        .into(political_status).into(education).into(work_unit).into(job_title).into(mobile)
        .into(office_phone).into(notes);
  }
  domain::Person person() const {
    domain::Person p;
    p.id = id;
    p.name = name;
    p.id_number = id_number;
    p.birth_date = stored_date(birth_date);
    p.sex = sex == "male" ? domain::Sex::kMale : domain::Sex::kFemale;
    p.ethnicity = ethnicity.text();
    p.political_status = political_status.text();
    p.education = education.text();
    p.work_unit = work_unit.text();
    p.job_title = job_title.text();
    p.mobile = mobile.text();
    p.office_phone = office_phone.text();
    p.notes = notes.text();
    return p;
  }
};
}  // namespace jinguo::storage
