#pragma once
// What the audit keeps of a person's registration and of a change to her: every field, ID
// number and phones masked (the registry's routes and the import write the same records).
#include "domain/person.h"
#include "services/audit.h"

namespace jinguo::services {

// Every field that differs, before → after.
ChangeSet person_diff(const domain::Person& before, const domain::Person& after);
// A registration: every field, before null (never a default such as 1970-01-01).
ChangeSet person_registered(const domain::Person& person);

}  // namespace jinguo::services
