#pragma once
// The columns of a person, read the same way wherever a query returns people.
#include "domain/person.h"
#include "storage/connection.h"

namespace jinguo::storage {

// Select list of a person, for a table alias given as a string literal.
#define JINGUO_PERSON_COLUMNS(a)                                                              \
  a ".id, " a ".name, " a ".id_number, " a ".birth_date, " a ".sex, " a ".ethnicity, " a      \
  ".political_status, " a ".education, " a ".work_unit, " a ".job_title, " a ".mobile, " a    \
  ".office_phone, " a ".notes"

inline constexpr int kPersonColumnCount = 13;

// The person in JINGUO_PERSON_COLUMNS, starting at column `first` of the current row.
inline domain::Person read_person(const Statement& row, int first = 0) {
  domain::Person p;
  p.id = row.integer(first);
  p.name = row.string(first + 1);
  p.id_number = row.string(first + 2);
  p.birth_date = row.date(first + 3);
  p.sex = row.text(first + 4) == "male" ? domain::Sex::kMale : domain::Sex::kFemale;
  p.ethnicity = row.nullable_text(first + 5);
  p.political_status = row.nullable_text(first + 6);
  p.education = row.nullable_text(first + 7);
  p.work_unit = row.nullable_text(first + 8);
  p.job_title = row.nullable_text(first + 9);
  p.mobile = row.nullable_text(first + 10);
  p.office_phone = row.nullable_text(first + 11);
  p.notes = row.nullable_text(first + 12);
  return p;
}

}  // namespace jinguo::storage
