#include "services/dictionary_checks.h"

#include "domain/error.h"
#include "storage/repositories.h"

namespace jinguo::services {

domain::DictionaryEntry require_entry(const storage::ReadTx& tx, domain::DictionaryKind kind, const std::string& code,
                                      const std::string& field) {
  auto entry = storage::DictionaryRepository(tx).find(kind, code);
  if (!entry || !entry->active)
    throw domain::invalid("unknown_code", field, "字典中没有该代码：" + code, "no such dictionary code: " + code);
  return *entry;
}

domain::DictionaryEntry require_role_in(const storage::ReadTx& tx, const std::string& code,
                                        const domain::Organisation& body) {
  auto role = require_entry(tx, domain::DictionaryKind::kRole, code, "role");
  if (!domain::role_allowed_in(role, body.type))
    throw domain::invalid("role_not_allowed", "role",
                          role.label + "不适用于" + std::string(domain::body_type_label(body.type)),
                          "role " + role.code + " does not exist in a " + std::string(domain::body_type_code(body.type)));
  return role;
}

}  // namespace jinguo::services
