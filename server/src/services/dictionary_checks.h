#pragma once
// What a use case checks against the dictionaries before it stores a code: the code exists and
// is active, and a role exists in the body's type (appointments, nominations).
#include <string>

#include "domain/dictionary.h"
#include "domain/organisation.h"
#include "storage/database.h"

namespace jinguo::services {

// The active entry of `code`, or 422 unknown_code naming `field`.
domain::DictionaryEntry require_entry(const storage::ReadTx& tx, domain::DictionaryKind kind, const std::string& code,
                                      const std::string& field);

// The role's entry when it exists in the body's type: 422 unknown_code, or role_not_allowed
// ("常委不适用于乡镇妇联"), on `role`.
domain::DictionaryEntry require_role_in(const storage::ReadTx& tx, const std::string& code,
                                        const domain::Organisation& body);

}  // namespace jinguo::services
